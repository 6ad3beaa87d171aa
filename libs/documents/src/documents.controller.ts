import { Body, Controller, Delete, Get, Headers, HttpCode, Ip, Param, Patch, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { CurrentUser, Staff, StaffUser } from '@ventanilla/auth';
import type { Request, Response } from 'express';
import { DocumentDto } from './document.dto';
import { DocumentView } from '@ventanilla/cases';
import { DocumentDownloads } from './download/document-downloads.service';
import { DocumentSender } from './download/document-sender';
import { DocumentEdits } from './edit/document-edits.service';
import { DocumentPublicDto } from './edit/document-public.dto';
import { DocumentUploads } from './upload/document-upload.service';

@ApiTags('documents')
@Controller()
export class DocumentsController {
  constructor(
    private readonly uploads: DocumentUploads,
    private readonly downloads: DocumentDownloads,
    private readonly sender: DocumentSender,
    private readonly edits: DocumentEdits,
  ) {}

  @Post('cases/:id/documents')
  @Staff('uip_officer')
  @ApiOperation({
    summary: 'Agregar un documento al caso, para entregarlo con la resolución',
    description:
      'Un archivo por envío, en el campo "file". El tipo declarado debe estar entre los admitidos y corresponder al contenido. ' +
      'Los documentos públicos no deben contener datos personales (LAIP Art. 22): márquelos public=false si los tienen.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary' },
        public: { type: 'string', enum: ['true', 'false'], default: 'true' },
      },
    },
  })
  @ApiCreatedResponse({ type: DocumentDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: falta el archivo, está vacío, o hay campos desconocidos' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no existe o es de otro sujeto obligado' })
  @ApiConflictResponse({ description: 'INVALID_STATE: el caso está cerrado; CONFLICT: el caso ya tiene el máximo de documentos' })
  @ApiPayloadTooLargeResponse({ description: 'PAYLOAD_TOO_LARGE: el archivo supera el límite (DOCUMENTS_MAX_FILE_MB)' })
  @ApiUnsupportedMediaTypeResponse({ description: 'UNSUPPORTED_MEDIA_TYPE: tipo no admitido, o contenido que no corresponde al tipo declarado' })
  upload(@CurrentUser() user: StaffUser, @Param('id') id: string, @Req() req: Request): Promise<DocumentView> {
    return this.uploads.upload(user, id, req);
  }

  @Patch('cases/:id/documents/:documentId')
  @Staff('uip_officer')
  @ApiOperation({ summary: 'Marcar un documento del caso como público o no (p. ej. si contiene datos personales, LAIP Art. 22)' })
  @ApiOkResponse({ type: DocumentDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: public debe ser booleano' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: el caso o el documento no existen o son de otro sujeto obligado' })
  setPublic(
    @CurrentUser() user: StaffUser,
    @Param('id') id: string,
    @Param('documentId') documentId: string,
    @Body() dto: DocumentPublicDto,
  ): Promise<DocumentView> {
    return this.edits.setPublic(user, id, documentId, dto.public);
  }

  @Delete('cases/:id/documents/:documentId')
  @HttpCode(204)
  @Staff('uip_officer')
  @ApiOperation({ summary: 'Retirar un documento subido por error (caso abierto, documento aún no entregado)' })
  @ApiNoContentResponse({ description: 'Retirado: su fila y sus bytes' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: el caso o el documento no existen o son de otro sujeto obligado' })
  @ApiConflictResponse({ description: 'INVALID_STATE: el caso está cerrado o el documento ya se entregó' })
  remove(@CurrentUser() user: StaffUser, @Param('id') id: string, @Param('documentId') documentId: string): Promise<void> {
    return this.edits.remove(user, id, documentId);
  }

  @Get('documents/:id')
  @ApiOperation({
    summary: 'Descargar un documento',
    description:
      'Públicos de un caso resuelto: cualquiera. Los demás: el requirente (X-Access-Code), el personal del sujeto obligado ' +
      '(Authorization) y la PDH. Admite Range (un rango), If-Range e If-None-Match. HTML, SVG y todo lo que no sea PDF, imagen o texto ' +
      'se entrega como adjunto.',
  })
  // Each document answers with its own Content-Type (PDF, image, text, …): any media type, bytes.
  @ApiProduces('*/*')
  @ApiHeader({ name: 'X-Access-Code', required: false, description: 'El código de acceso de la solicitud' })
  @ApiHeader({ name: 'Authorization', required: false, description: 'Bearer <token> del personal' })
  @ApiHeader({ name: 'Range', required: false, example: 'bytes=0-1048575' })
  @ApiOkResponse({ description: 'Los bytes, con Content-Type, Content-Length, Content-Disposition y ETag (sha256)', schema: { type: 'string', format: 'binary' } })
  @ApiResponse({ status: 206, description: 'El rango pedido, con Content-Range', schema: { type: 'string', format: 'binary' } })
  @ApiResponse({ status: 304, description: 'If-None-Match coincide con el ETag' })
  @ApiResponse({ status: 401, description: 'UNAUTHORIZED: token inválido o expirado' })
  @ApiResponse({ status: 403, description: 'ACCESS_CODE_INVALID: código de acceso incorrecto' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no existe, o quien pide no puede verlo' })
  @ApiResponse({ status: 416, description: 'RANGE_NOT_SATISFIABLE: el rango está fuera del documento' })
  @ApiResponse({ status: 429, description: 'RATE_LIMITED: demasiados códigos de acceso incorrectos' })
  async download(
    @Param('id') id: string,
    @Req() req: Request,
    @Res() res: Response,
    @Ip() ip: string,
    @Headers('authorization') authorization?: string,
    @Headers('x-access-code') accessCode?: string,
  ): Promise<void> {
    const readable = await this.downloads.readable(id, { authorization, accessCode, clientIp: ip });
    await this.sender.send(req, res, readable.document, readable.isPublic);
  }
}
