import { Inject, Injectable } from '@nestjs/common';
import { EnvDto } from '@ventanilla/config';
import { BASE_LANGUAGE, DateFormat, PageRenderer } from '@ventanilla/web';
import { normalizeAccessCode } from '../codes';
import { LookupService, RequesterCredentials } from '../lookup.service';
import { calendarFeed } from './calendar-feed';
import { renderReceipt } from './receipt.pdf';

/** The filing's constancia (PDF, requester only) and its calendar (public), for the API and the pages alike. */
@Injectable()
export class ReceiptService {
  constructor(
    private readonly lookup: LookupService,
    private readonly pages: PageRenderer,
    @Inject(EnvDto) private readonly config: EnvDto,
  ) {}

  async pdf(credentials: RequesterCredentials): Promise<{ folio: string; body: Buffer }> {
    const view = await this.lookup.requesterView(credentials);
    const t = this.pages.catalogue.translator(BASE_LANGUAGE);
    const dates = new DateFormat(this.pages.catalogue.entry(BASE_LANGUAGE, 'fecha.meses') as string[], t);
    const body = await renderReceipt(
      { folio: view.folio, accessCode: normalizeAccessCode(credentials.accessCode ?? ''), filedAt: view.filedAt, cases: view.cases, followUrl: this.followUrl(view.folio) },
      t,
      dates,
    );
    return { folio: view.folio, body };
  }

  async calendar(folioInput: string): Promise<{ folio: string; body: string }> {
    const view = await this.lookup.publicView(folioInput);
    const t = this.pages.catalogue.translator(BASE_LANGUAGE);
    return { folio: view.folio, body: calendarFeed(view.folio, view.cases, this.followUrl(view.folio), t) };
  }

  followUrl(folio: string): string {
    return `${this.config.PUBLIC_BASE_URL}/solicitudes/${folio}`;
  }
}
