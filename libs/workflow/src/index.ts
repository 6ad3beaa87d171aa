export * from './appeal/appeal-labels';
export * from './appeal/appeal-window';
export * from './extension/extension-rule';
export * from './registration/received-at';
export * from './staff/staff-case-views.service';
export * from './workflow.module';
export * from './pages/request-pages.module';
export * from './staff-pages/officer-pages.module';
