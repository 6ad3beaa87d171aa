import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Staff, StaffUser } from '@ventanilla/auth';
import { StaffCaseView } from '../staff/staff-case-views.service';
import { ResolutionDto } from './resolution.dto';
import { ResolutionService } from './resolution.service';
import { StaffCaseSchema } from '@ventanilla/cases';

@ApiTags('cases')
@Controller('cases')
export class ResolutionController {
  constructor(private readonly resolutions: ResolutionService) {}

  @Post(':id/resolution')
  @HttpCode(200)
  @Staff('uip_officer')
  @ApiOperation({ summary: 'Resolver el caso con una resolución razonada (Arts. 42 y 45)' })
  @ApiOkResponse({ type: StaffCaseSchema, description: 'Case resuelto, con resolution { type, text, onTime, businessDaysTaken, classificationRef }' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: p. ej. denied_reserved o denied_confidential sin classificationRef' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no existe o es de otro sujeto obligado' })
  @ApiConflictResponse({ description: 'INVALID_STATE: el caso está cerrado' })
  resolve(@CurrentUser() user: StaffUser, @Param('id') id: string, @Body() dto: ResolutionDto): Promise<StaffCaseView> {
    return this.resolutions.resolve(user, id, dto);
  }
}
