import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { AuditModule } from '@ventanilla/audit';
import { AuthModule } from '@ventanilla/auth';
import { CalendarCoreModule, CalendarModule } from '@ventanilla/calendar';
import { SubjectsCoreModule } from '@ventanilla/subjects';
import { WebModule } from '@ventanilla/web';
import { AdministrationModule } from '../administration.module';
import { AdminHomePageController } from './admin-home.page.controller';
import { AdminOverviewReader } from './admin-overview.service';
import { AuditPageController } from './audit.page.controller';
import { CalendarPageController } from './calendar.page.controller';
import { CsvUploadMiddleware } from './csv-upload.middleware';
import { ImportPreviews } from './import-previews';
import { IMPORT_PATH, SubjectsPageController } from './subjects.page.controller';
import { UsersPageController } from './users.page.controller';

const CONTROLLERS = [AdminHomePageController, UsersPageController, SubjectsPageController, CalendarPageController, AuditPageController];

/** The admin's pages under `/personal/admin` (users, subjects and their CSV import, calendar, audit trail). */
@Module({
  imports: [WebModule, AuthModule, AuditModule, SubjectsCoreModule, CalendarCoreModule, CalendarModule, AdministrationModule],
  controllers: CONTROLLERS,
  providers: [AdminOverviewReader, CsvUploadMiddleware, ImportPreviews],
})
export class AdminPagesModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // Only the import takes multipart: anywhere else such a body is left unread and the CSRF check refuses it.
    consumer.apply(CsvUploadMiddleware).forRoutes({ path: IMPORT_PATH.slice(1), method: RequestMethod.POST });
  }
}
