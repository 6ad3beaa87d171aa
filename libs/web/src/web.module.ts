import { Module } from '@nestjs/common';
import { PAGES_MIDDLEWARE, PagesHandler, UNKNOWN_PAGE, UnknownPage } from '@ventanilla/http';
import cookieParser from 'cookie-parser';
import { AssetsService } from './assets/assets.service';
import { StaticController } from './assets/static.controller';
import { CsrfProtection } from './csrf';
import { CsrfGuard } from './csrf.guard';
import { PageExceptionFilter } from './page-exception.filter';
import { PageRenderer } from './page-renderer';
import { PagesMiddleware } from './pages.middleware';

/** The pages' infrastructure, shared by every feature that has pages (citizens', staff's). */
@Module({
  controllers: [StaticController],
  providers: [
    PagesMiddleware,
    AssetsService,
    CsrfProtection,
    CsrfGuard,
    PageRenderer,
    PageExceptionFilter,
    { provide: UNKNOWN_PAGE, useFactory: unknownPage, inject: [PageRenderer] },
    // Mounted once by `configureApi` in front of every page address (not per page route: each
    // route-bound middleware is one more layer every API request walks past).
    { provide: PAGES_MIDDLEWARE, useFactory: (m: PagesMiddleware): PagesHandler => (req, res, next) => m.use(req, res, next), inject: [PagesMiddleware] },
  ],
  exports: [AssetsService, CsrfProtection, CsrfGuard, PageRenderer, PageExceptionFilter],
})
export class WebModule {}

const parseCookies = cookieParser();

/** The 404 page for addresses no route has; the pages' middleware did not run, so cookies are read here. */
function unknownPage(pages: PageRenderer): UnknownPage {
  return (req, res) => parseCookies(req, res, () => pages.render(req, res, 'error.njk', { code: 'NOT_FOUND' }, { status: 404 }));
}
