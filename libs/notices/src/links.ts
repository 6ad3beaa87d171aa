import { EnvDto } from '@ventanilla/config';

/**
 * The web pages mails link to (api.md, "Web pages"): the requester's page of the request, and
 * the staff page of one case (`/personal/casos/{id}`, under the staff home `/personal`).
 */
export function requestPageUrl(config: Pick<EnvDto, 'PUBLIC_BASE_URL'>, folio: string): string {
  return `${base(config)}/solicitudes/${encodeURIComponent(folio)}`;
}

export function staffCasePageUrl(config: Pick<EnvDto, 'PUBLIC_BASE_URL'>, caseId: string): string {
  return `${base(config)}/personal/casos/${encodeURIComponent(caseId)}`;
}

function base(config: Pick<EnvDto, 'PUBLIC_BASE_URL'>): string {
  return config.PUBLIC_BASE_URL.replace(/\/+$/, '');
}
