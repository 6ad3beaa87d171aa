import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Staff, StaffUser } from '@ventanilla/auth';
import { StaffCaseView } from '../staff/staff-case-views.service';
import { AppealDecisionDto } from './appeal.dto';
import { AppealService } from './appeal.service';
import { StaffCaseSchema } from '@ventanilla/cases';

@ApiTags('cases')
@Controller('cases')
export class AppealDecisionController {
  constructor(private readonly appeals: AppealService) {}

  @Post(':id/appeal/decision')
  @HttpCode(200)
  // Art. 53: the máxima autoridad decides, not the UIP.
  @Staff('highest_authority')
  @ApiOperation({ summary: 'La máxima autoridad resuelve el recurso de revisión: confirma, revoca o modifica (Arts. 58-59)' })
  @ApiOkResponse({ type: StaffCaseSchema, description: 'Case, con appeal { status: decided, outcome, text }' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no existe o es de otro sujeto obligado' })
  @ApiConflictResponse({ description: 'INVALID_STATE: el caso no tiene un recurso pendiente' })
  decide(@CurrentUser() user: StaffUser, @Param('id') id: string, @Body() dto: AppealDecisionDto): Promise<StaffCaseView> {
    return this.appeals.decide(user, id, dto);
  }
}
