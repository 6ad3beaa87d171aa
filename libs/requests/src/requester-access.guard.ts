import { applyDecorators, CanActivate, createParamDecorator, ExecutionContext, Injectable, UseGuards } from '@nestjs/common';
import { ApiForbiddenResponse, ApiHeader, ApiNotFoundResponse, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Request } from '@ventanilla/cases';
import type { Request as HttpRequest } from 'express';
import { LookupService } from './lookup.service';

type RequesterHttpRequest = HttpRequest & { requesterRequest?: Request };

/**
 * Checks the folio's access code before anything reads the body (guards run before pipes): a
 * missing code is 401, a wrong one 403, a locked one 429, whatever the body holds.
 */
@Injectable()
export class RequesterAccessGuard implements CanActivate {
  constructor(private readonly lookup: LookupService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp().getRequest<RequesterHttpRequest>();
    const accessCode = http.headers['x-access-code'];
    http.requesterRequest = await this.lookup.authenticate({
      folio: String(http.params.folio ?? ''),
      accessCode: typeof accessCode === 'string' ? accessCode : undefined,
      clientIp: http.ip ?? '',
    });
    return true;
  }
}

/** A requester action on `/requests/:folio/...`: the access code in `X-Access-Code` comes first. */
export function RequesterAccess(): MethodDecorator {
  return applyDecorators(
    UseGuards(RequesterAccessGuard),
    ApiHeader({ name: 'X-Access-Code', required: true, description: 'El código de acceso que recibió al presentar la solicitud' }),
    ApiUnauthorizedResponse({ description: 'UNAUTHORIZED: falta el encabezado X-Access-Code' }),
    ApiForbiddenResponse({ description: 'ACCESS_CODE_INVALID: el código de acceso no es válido' }),
    ApiNotFoundResponse({ description: 'NOT_FOUND: no existe el folio, o el caso no es de este folio' }),
    ApiTooManyRequestsResponse({ description: 'RATE_LIMITED: demasiados códigos equivocados; vea Retry-After' }),
  );
}

/** The request whose access code `@RequesterAccess()` accepted. */
export const AuthenticatedRequest = createParamDecorator((_data: unknown, context: ExecutionContext): Request => {
  const request = context.switchToHttp().getRequest<RequesterHttpRequest>().requesterRequest;
  if (!request) throw new Error('AuthenticatedRequest() requiere @RequesterAccess() en el método');
  return request;
});
