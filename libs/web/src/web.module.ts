import { MiddlewareConsumer, Module, NestModule, Type } from '@nestjs/common';
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
  providers: [PagesMiddleware, AssetsService, CsrfProtection, CsrfGuard, PageRenderer, PageExceptionFilter],
  exports: [AssetsService, CsrfProtection, CsrfGuard, PageRenderer, PageExceptionFilter],
})
export class WebModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    usePagesMiddleware(consumer, StaticController);
  }
}

/** Each module with pages calls this from its `configure` for its page controllers. */
export function usePagesMiddleware(consumer: MiddlewareConsumer, ...controllers: Type[]): void {
  consumer.apply(PagesMiddleware).forRoutes(...controllers);
}
