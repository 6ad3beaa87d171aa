import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Staff, StaffUser } from '@ventanilla/auth';
import { StaffCaseView } from '../staff/staff-case-views.service';
import { ClarificationRequestDto } from './clarification-request.dto';
import { ClarificationService } from './clarification.service';
import { StaffCaseSchema } from '@ventanilla/cases';

@ApiTags('cases')
@Controller('cases')
export class ClarificationController {
  constructor(private readonly clarifications: ClarificationService) {}

  @Post(':id/clarification-request')
  @HttpCode(200)
  @Staff('uip_officer')
  @ApiOperation({ summary: 'Pedir al requirente que aclare su solicitud (Art. 42.2); responde con su folio y código de acceso' })
  @ApiOkResponse({ type: StaffCaseSchema, description: 'Case, con status clarification_requested' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no existe o es de otro sujeto obligado' })
  @ApiConflictResponse({ description: 'INVALID_STATE: el caso está cerrado o ya espera una aclaración' })
  request(@CurrentUser() user: StaffUser, @Param('id') id: string, @Body() dto: ClarificationRequestDto): Promise<StaffCaseView> {
    return this.clarifications.request(user, id, dto.text);
  }
}
