import { Body, Controller, Headers, HttpCode, Ip, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CaseView } from '@ventanilla/cases';
import { FileAppealDto } from './appeal.dto';
import { AppealService } from './appeal.service';

/** The requester's side of the appeal, next to the other requester actions under /requests. */
@ApiTags('requests')
@Controller('requests')
export class AppealFilingController {
  constructor(private readonly appeals: AppealService) {}

  @Post(':folio/cases/:caseId/appeal')
  @HttpCode(201)
  @ApiOperation({
    summary: 'El requirente presenta un recurso de revisión (Art. 55)',
    description: 'Dentro de los 15 días hábiles siguientes a la resolución, o una vez vencido el plazo sin respuesta; uno por caso.',
  })
  @ApiHeader({ name: 'X-Access-Code', required: true })
  @ApiCreatedResponse({ description: 'Case, con appeal { status: filed, filedAt, dueDate, outcome: null, text: null }' })
  @ApiConflictResponse({ description: 'INVALID_STATE: fuera de plazo, caso trasladado o desistido, o ya tiene un recurso' })
  file(
    @Param('folio') folio: string,
    @Param('caseId') caseId: string,
    @Body() dto: FileAppealDto,
    @Ip() ip: string,
    @Headers('x-access-code') accessCode?: string,
  ): Promise<CaseView> {
    return this.appeals.file({ folio, accessCode, clientIp: ip }, caseId, dto);
  }
}
