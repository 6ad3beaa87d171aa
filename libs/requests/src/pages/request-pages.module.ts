import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { SubjectsCoreModule } from '@ventanilla/subjects';
import { usePagesMiddleware, WebModule } from '@ventanilla/web';
import { HomePageController } from './home.page.controller';

const CONTROLLERS = [HomePageController];

/** The citizens' pages for filing: the home page, the filing form and its confirmation, the search of requests. */
@Module({
  imports: [WebModule, SubjectsCoreModule],
  controllers: CONTROLLERS,
})
export class RequestPagesModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    usePagesMiddleware(consumer, ...CONTROLLERS);
  }
}
