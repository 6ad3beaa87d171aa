import { Controller, Get, Ip, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentUser, StaffPage, StaffUser } from '@ventanilla/auth';
import { DocumentDownloads, DocumentSender } from '@ventanilla/documents';
import type { Request, Response } from 'express';

/**
 * `/personal/documentos/{id}`: a case's document for the staff signed in on the pages (the API's
 * download answers a bearer token, which a browser does not carry). The contract's access rule
 * applies as on the API: the subject's staff and the PDH; anyone else gets 404.
 */
@ApiExcludeController()
@Controller('personal/documentos')
@StaffPage()
export class StaffDocumentsPageController {
  constructor(
    private readonly downloads: DocumentDownloads,
    private readonly sender: DocumentSender,
  ) {}

  @Get(':id')
  async download(@CurrentUser() user: StaffUser, @Param('id') id: string, @Req() req: Request, @Res() res: Response, @Ip() ip: string): Promise<void> {
    const readable = await this.downloads.readable(id, { staff: user, clientIp: ip });
    await this.sender.send(req, res, readable.document, readable.isPublic);
  }
}
