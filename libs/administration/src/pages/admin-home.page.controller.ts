import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { StaffPage } from '@ventanilla/auth';
import { localDateOf } from '@ventanilla/calendar';
import { Clock } from '@ventanilla/config';
import { PageRenderer } from '@ventanilla/web';
import type { Request, Response } from 'express';
import { join } from 'node:path';
import { AdminOverviewReader } from './admin-overview.service';

/** `/personal/admin`: the way to each section, with the figures that say where work is waiting. */
@ApiExcludeController()
@Controller('personal/admin')
@StaffPage('admin')
export class AdminHomePageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly overview: AdminOverviewReader,
    private readonly clock: Clock,
  ) {}

  @Get()
  async home(@Req() req: Request, @Res() res: Response): Promise<void> {
    const year = Number(localDateOf(this.clock.now()).slice(0, 4));
    const figures = await this.overview.read(year);
    this.pages.render(req, res, join(__dirname, 'admin-home.njk'), { title: this.pages.translator(req)('admin.inicio.titulo'), figures, year }, { private: true });
  }
}
