import { Controller, Get, Param, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AppError } from '@ventanilla/http';
import type { Response } from 'express';
import { PageExceptionFilter } from '../page-exception.filter';
import { AssetsService } from './assets.service';

/** `/static/<name>.<hash>.<ext>`: immutable, so a phone downloads the CSS once. */
@ApiExcludeController()
@Controller('static')
@UseFilters(PageExceptionFilter)
export class StaticController {
  constructor(private readonly assets: AssetsService) {}

  @Get(':file')
  serve(@Param('file') file: string, @Res() res: Response): void {
    const asset = this.assets.find(file);
    if (!asset) throw AppError.notFound({ es: 'No existe ese recurso.', en: 'No such asset.' });
    res.set({ 'Content-Type': asset.contentType, 'Cache-Control': 'public, max-age=31536000, immutable' }).send(asset.body);
  }
}
