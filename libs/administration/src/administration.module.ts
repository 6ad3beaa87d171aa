import { Module } from '@nestjs/common';
import { AuditModule } from '@ventanilla/audit';
import { AuthModule } from '@ventanilla/auth';
import { SubjectsCoreModule } from '@ventanilla/subjects';
import { AuditEventsController } from './audit/audit-events.controller';
import { SubjectsAdminController } from './subjects/subjects-admin.controller';
import { SubjectsAdmin } from './subjects/subjects-admin.service';

/** Catalog administration and the audit trail's endpoint (users are administered in AuthModule). */
@Module({
  imports: [AuthModule, AuditModule, SubjectsCoreModule],
  controllers: [SubjectsAdminController, AuditEventsController],
  providers: [SubjectsAdmin],
  exports: [SubjectsAdmin],
})
export class AdministrationModule {}
