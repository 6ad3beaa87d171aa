import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CaseSchema, CaseView, Request } from '@ventanilla/cases';
import { AuthenticatedRequest, RequesterAccess } from '@ventanilla/requests';
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
  @RequesterAccess()
  @ApiCreatedResponse({ type: CaseSchema, description: 'Case, con appeal { status: filed, filedAt, dueDate, outcome: null, text: null }' })
  @ApiConflictResponse({ description: 'INVALID_STATE: fuera de plazo, caso trasladado o desistido, o ya tiene un recurso' })
  file(@AuthenticatedRequest() request: Request, @Param('caseId') caseId: string, @Body() dto: FileAppealDto): Promise<CaseView> {
    return this.appeals.file(request, caseId, dto);
  }
}
