import { Controller, Get, Ip, Param, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PageExceptionFilter, PageRenderer } from '@ventanilla/web';
import type { Request, Response } from 'express';
import { join } from 'node:path';
import { LookupService } from '../lookup.service';
import { sendReceipt } from '../receipt/receipt.controller';
import { ReceiptService } from '../receipt/receipt.service';
import { canonicalFolio, requestPagePath, RequesterSession } from './requester-session';

/**
 * After filing: the folio and the access code, large, once more in the PDF constancia. Both
 * read the code from the browser session's sealed cookie, never from the address.
 */
@ApiExcludeController()
@Controller('solicitudes/:folio')
@UseFilters(PageExceptionFilter)
export class ConfirmationPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly lookup: LookupService,
    private readonly receipts: ReceiptService,
    private readonly session: RequesterSession,
  ) {}

  @Get('confirmacion')
  async confirmation(@Param('folio') folioInput: string, @Ip() ip: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const folio = canonicalFolio(folioInput);
    const accessCode = this.session.accessCode(req, folio);
    if (!accessCode) return res.redirect(303, requestPagePath(folio));
    const view = await this.lookup.requesterView({ folio, accessCode, clientIp: ip });
    const t = this.pages.translator(req);
    this.pages.render(
      req,
      res,
      join(__dirname, 'confirmation.njk'),
      { title: t('confirmacion.titulo'), view, accessCode, requestPath: requestPagePath(folio) },
      { private: true },
    );
  }

  @Get('constancia.pdf')
  async receipt(@Param('folio') folioInput: string, @Ip() ip: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const folio = canonicalFolio(folioInput);
    const accessCode = this.session.accessCode(req, folio);
    if (!accessCode) return res.redirect(303, requestPagePath(folio));
    sendReceipt(res, await this.receipts.pdf({ folio, accessCode, clientIp: ip }));
  }
}
