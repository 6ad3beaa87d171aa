import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentUser, StaffPage, StaffUser } from '@ventanilla/auth';
import { APPEAL_GROUNDS } from '@ventanilla/cases';
import { PageRenderer } from '@ventanilla/web';
import type { Request, Response } from 'express';
import { join } from 'node:path';
import { StaffCaseViews } from '../staff/staff-case-views.service';
import { CaseThread } from '../staff-pages/case-thread';
import { readableDocuments } from './readable-documents';

/**
 * `/personal/pdh/casos/{id}`: any body's case, read-only, for the PDH (and the admin, whom the
 * officer's case address sends here): what was asked, the terms, the answer, the appeal and the
 * whole history, never who asked. The requester's identity is left out for every reader of this
 * page, not only where `seesContactDetails` already leaves it out.
 */
@ApiExcludeController()
@Controller('personal/pdh/casos')
@StaffPage('pdh_monitor', 'admin')
export class PdhCasePageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly views: StaffCaseViews,
    private readonly thread: CaseThread,
  ) {}

  @Get(':id')
  async case(@CurrentUser() user: StaffUser, @Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const t = this.pages.translator(req);
    const c = await this.views.readable(user, id);
    const view = { ...(await this.views.render(user, [c]))[0], requester: null };
    this.pages.render(
      req,
      res,
      join(__dirname, 'pdh-case.njk'),
      { title: t('pdh.caso.titulo', { folio: view.folio, sujeto: view.subject.name }), view, appealClaim: c.appealText, thread: await this.thread.of(c.id), downloadable: readableDocuments(user, c, view.documents), groundCodes: APPEAL_GROUNDS },
      { private: true },
    );
  }
}
