import { Body, Controller, Get, HttpCode, Ip, Param, Post } from '@nestjs/common';
import {
  ApiConflictResponse, ApiCreatedResponse, ApiExtraModels, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags,
  ApiForbiddenResponse, ApiTooManyRequestsResponse, ApiUnprocessableEntityResponse, getSchemaPath,
} from '@nestjs/swagger';
import { Clock } from '@ventanilla/config';
import { CaseSchema, REQUESTER, Request } from '@ventanilla/cases';
import { AppError, HeaderValue } from '@ventanilla/http';
import { AddressLimit, FILING_BY_ADDRESS } from '@ventanilla/throttling';
import { FileRequestDto } from './file-request.dto';
import { FilingService } from './filing.service';
import { IdempotencyService } from './idempotency.service';
import { LookupService } from './lookup.service';
import { FilingResultSchema, PublicRequestSchema, RequesterRequestSchema } from './request-views.schema';
import { ClarificationAnswerDto, WithdrawalDto } from './requester-actions.dto';
import { RequesterActionsService } from './requester-actions.service';
import { AuthenticatedRequest, RequesterAccess } from './requester-access.guard';

@ApiTags('requests')
@ApiExtraModels(PublicRequestSchema, RequesterRequestSchema)
@Controller('requests')
export class RequestsController {
  constructor(
    private readonly filing: FilingService,
    private readonly lookup: LookupService,
    private readonly requesterActions: RequesterActionsService,
    private readonly clock: Clock,
  ) {}

  @Post()
  @AddressLimit(FILING_BY_ADDRESS)
  @ApiOperation({ summary: 'Presentar una solicitud a uno o varios sujetos obligados, sin cuenta' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Un reintento con la misma clave devuelve la primera respuesta' })
  @ApiCreatedResponse({ type: FilingResultSchema })
  @ApiUnprocessableEntityResponse({ description: 'IDEMPOTENCY_KEY_REUSED: la misma clave con otro contenido' })
  async file(@Body() dto: FileRequestDto, @HeaderValue('idempotency-key') idempotencyKey?: string) {
    if (idempotencyKey !== undefined && !IdempotencyService.validKey(idempotencyKey)) {
      throw new AppError('VALIDATION_FAILED', undefined, [
        { field: 'Idempotency-Key', message: 'debe tener entre 1 y 200 caracteres ASCII visibles' },
      ]);
    }
    const now = this.clock.now();
    const { subjects, ...content } = dto;
    return this.filing.file(
      { subjects, content, channel: 'web', receivedAt: now, filedAt: now, actor: REQUESTER },
      idempotencyKey ? { scope: 'requests', key: idempotencyKey, bodyHash: IdempotencyService.hashBody(dto) } : undefined,
    );
  }

  @Get(':folio')
  @ApiOperation({ summary: 'Vista pública; con X-Access-Code, la vista del requirente' })
  @ApiHeader({ name: 'X-Access-Code', required: false, description: 'Con el código de acceso, la vista del requirente (añade requester)' })
  @ApiOkResponse({
    description: 'Vista pública (PublicRequest) o, con X-Access-Code, la del requirente (RequesterRequest)',
    schema: { anyOf: [{ $ref: getSchemaPath(PublicRequestSchema) }, { $ref: getSchemaPath(RequesterRequestSchema) }] },
  })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no existe ese folio' })
  @ApiForbiddenResponse({ description: 'ACCESS_CODE_INVALID: el código de acceso no es válido' })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED: demasiados códigos equivocados; vea Retry-After' })
  async get(@Param('folio') folio: string, @Ip() ip: string, @HeaderValue('x-access-code') accessCode?: string) {
    if (accessCode === undefined) return this.lookup.publicView(folio);
    return this.lookup.requesterView({ folio, accessCode, clientIp: ip });
  }

  @Post(':folio/cases/:caseId/clarification')
  @HttpCode(200)
  @ApiOperation({ summary: 'El requirente responde una solicitud de aclaración' })
  @ApiOkResponse({ type: CaseSchema })
  @ApiConflictResponse({ description: 'INVALID_STATE: el caso no espera una aclaración' })
  @RequesterAccess()
  answerClarification(@AuthenticatedRequest() request: Request, @Param('caseId') caseId: string, @Body() dto: ClarificationAnswerDto) {
    return this.requesterActions.answerClarification(request, caseId, dto.text);
  }

  @Post(':folio/cases/:caseId/withdrawal')
  @HttpCode(200)
  @ApiOperation({ summary: 'El requirente desiste de un caso' })
  @ApiOkResponse({ type: CaseSchema })
  @ApiConflictResponse({ description: 'INVALID_STATE: el caso ya está cerrado' })
  @RequesterAccess()
  withdraw(@AuthenticatedRequest() request: Request, @Param('caseId') caseId: string, @Body() dto: WithdrawalDto) {
    return this.requesterActions.withdraw(request, caseId, dto.reason);
  }
}
