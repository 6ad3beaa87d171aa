export * from './administration.module';
export * from './audit/audit-events.controller';
export * from './subjects/subject-admin.dto';
export * from './subjects/subjects-admin.controller';
export * from './subjects/subjects-admin.service';
export * from './pages/admin-pages.module';
