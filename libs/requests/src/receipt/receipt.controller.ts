import { Controller, Get, Headers, Ip, Param, Res } from '@nestjs/common';
import {
  ApiForbiddenResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ReceiptService } from './receipt.service';

@ApiTags('requests')
@Controller('requests')
export class ReceiptController {
  constructor(private readonly receipts: ReceiptService) {}

  @Get(':folio/receipt')
  @ApiOperation({
    summary: 'Constancia de la solicitud en PDF (requirente)',
    description: 'Folio, código de acceso, fecha y hora de presentación, cada sujeto obligado con su fecha de recepción y de vencimiento, y cómo dar seguimiento.',
  })
  @ApiHeader({ name: 'X-Access-Code', required: true })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'La constancia', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @ApiUnauthorizedResponse({ description: 'UNAUTHORIZED: falta X-Access-Code' })
  @ApiForbiddenResponse({ description: 'ACCESS_CODE_INVALID' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no existe el folio' })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED: demasiados códigos equivocados (Retry-After)' })
  async receipt(@Param('folio') folio: string, @Ip() ip: string, @Res() res: Response, @Headers('x-access-code') accessCode?: string): Promise<void> {
    const receipt = await this.receipts.pdf({ folio, accessCode, clientIp: ip });
    sendReceipt(res, receipt);
  }

  @Get(':folio/calendar.ics')
  @ApiOperation({
    summary: 'Plazos de la solicitud como calendario (iCalendar, público)',
    description: 'Eventos de día completo: la fecha de vencimiento de cada caso abierto (la prorrogada, si la hay) y el plazo para resolver un recurso presentado. Sin datos personales.',
  })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'El calendario', content: { 'text/calendar': { schema: { type: 'string' } } } })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no existe el folio' })
  async calendar(@Param('folio') folio: string, @Res() res: Response): Promise<void> {
    sendCalendar(res, await this.receipts.calendar(folio));
  }
}

export function sendReceipt(res: Response, receipt: { folio: string; body: Buffer }): void {
  res
    .set({
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="constancia-${receipt.folio}.pdf"`,
      'Cache-Control': 'no-store',
    })
    .send(receipt.body);
}

export function sendCalendar(res: Response, calendar: { folio: string; body: string }): void {
  res
    .set({
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="solicitud-${calendar.folio}.ics"`,
      'Cache-Control': 'no-cache',
    })
    .send(calendar.body);
}
