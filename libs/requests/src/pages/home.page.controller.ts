import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SubjectsService } from '@ventanilla/subjects';
import { PageExceptionFilter, PageRenderer } from '@ventanilla/web';
import type { Request, Response } from 'express';
import { join } from 'node:path';
import { queryText } from '@ventanilla/web';

const RESULTS = 20;

/** `/`: what Ventanilla is, the citizen's rights, a search of bodies, the ways to file and to follow. */
@ApiExcludeController()
@Controller()
@UseFilters(PageExceptionFilter)
export class HomePageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly subjects: SubjectsService,
  ) {}

  @Get()
  async home(@Req() req: Request, @Res() res: Response, @Query('q') rawQ?: unknown): Promise<void> {
    const q = queryText(rawQ, 100);
    const found = q ? await this.subjects.list({ q, limit: RESULTS, offset: 0 }) : null;
    this.pages.render(req, res, join(__dirname, 'home.njk'), { q, found });
  }
}
