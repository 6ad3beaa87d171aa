import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Staff, StaffUser } from '@ventanilla/auth';
import { StaffCaseView } from '../staff/staff-case-views.service';
import { ExtensionDto } from './extension.dto';
import { ExtensionService } from './extension.service';
import { StaffCaseSchema } from '@ventanilla/cases';

@ApiTags('cases')
@Controller('cases')
export class ExtensionController {
  constructor(private readonly extensions: ExtensionService) {}

  @Post(':id/extension')
  @HttpCode(200)
  @Staff('uip_officer')
  @ApiOperation({ summary: 'Prorrogar el plazo 10 días hábiles, una vez y antes de que venza (Art. 43)' })
  @ApiOkResponse({ type: StaffCaseSchema, description: 'Case, con status extended y extendedDueDate' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no existe o es de otro sujeto obligado' })
  @ApiConflictResponse({ description: 'EXTENSION_NOT_ALLOWED: ya prorrogado o el plazo original venció; INVALID_STATE: caso cerrado' })
  extend(@CurrentUser() user: StaffUser, @Param('id') id: string, @Body() dto: ExtensionDto): Promise<StaffCaseView> {
    return this.extensions.extend(user, id, dto.reason);
  }
}
