import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Case, CaseAudience, CaseReader, CaseRecord, CaseView, Request, RequesterView, requesterView, RequestWithRecords } from '@ventanilla/cases';
import { AppError } from '@ventanilla/http';
import { Repository } from 'typeorm';
import { AccessCodeVerifier } from './access-code-verifier';
import { normalizeFolio } from './codes';

export interface PublicRequestView {
  folio: string;
  filedAt: string;
  description: string;
  deliveryFormat: string;
  cases: CaseView[];
}

export interface RequesterRequestView extends PublicRequestView {
  requester: RequesterView;
}

/** A requester proves who they are with the folio and its access code. */
export interface RequesterCredentials {
  folio: string;
  accessCode: string | undefined;
  clientIp: string;
}

/** The public and the requester's views of a request, by folio. */
@Injectable()
export class LookupService {
  constructor(
    @InjectRepository(Request) private readonly requests: Repository<Request>,
    private readonly reader: CaseReader,
    private readonly accessCodes: AccessCodeVerifier,
  ) {}

  // The two views read the request, its cases, events and documents in one query (the hot path:
  // no entity hydration); the requester's then checks the code before anything is shown.
  async publicView(folioInput: string): Promise<PublicRequestView> {
    const { request, records } = await this.findWithRecords(folioInput, false);
    return this.render(request, records, 'public');
  }

  async requesterView(credentials: RequesterCredentials): Promise<RequesterRequestView> {
    const { request, records } = await this.findWithRecords(credentials.folio, true);
    await this.accessCodes.verify(request, credentials.clientIp, credentials.accessCode);
    return { ...this.render(request, records, 'requester'), requester: requesterView(request) };
  }

  /** The request, once the access code is right; otherwise 401/403/429 and nothing else. */
  async authenticate(credentials: RequesterCredentials): Promise<Request> {
    const request = await this.find(credentials.folio, true);
    await this.accessCodes.verify(request, credentials.clientIp, credentials.accessCode);
    return request;
  }

  /** One of the request's cases; a case of another folio is 404. */
  async caseOf(request: Request, caseId: string): Promise<Case> {
    const c = /^[0-9a-f-]{36}$/i.test(caseId) ? await this.reader.byFolio(request.folio).then((cs) => cs.find((x) => x.id === caseId)) : undefined;
    if (!c) throw AppError.notFound({ es: 'El caso no pertenece a este folio.', en: 'The case does not belong to this folio.' });
    return c;
  }

  private render(request: Request, records: CaseRecord[], audience: CaseAudience): PublicRequestView {
    return {
      folio: request.folio,
      filedAt: request.filedAt.toISOString(),
      description: request.description,
      deliveryFormat: request.deliveryFormat,
      cases: this.reader.viewsOf(records, audience),
    };
  }

  private async findWithRecords(folioInput: string, withHash: boolean): Promise<RequestWithRecords> {
    const folio = normalizeFolio(folioInput);
    const found = folio ? await this.reader.requestByFolio(folio, withHash) : null;
    if (!found) throw notFound(folioInput);
    return found;
  }

  private async find(folioInput: string, withHash = false): Promise<Request> {
    const folio = normalizeFolio(folioInput);
    const qb = this.requests.createQueryBuilder('r').where('r.folio = :folio', { folio });
    if (withHash) qb.addSelect('r.accessCodeHash');
    const request = folio ? await qb.getOne() : null;
    if (!request) throw notFound(folioInput);
    return request;
  }
}

function notFound(folioInput: string): AppError {
  return AppError.notFound({ es: `No existe la solicitud con folio ${folioInput}.`, en: `There is no request ${folioInput}.` });
}
