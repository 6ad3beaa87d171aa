import { Module } from '@nestjs/common';
import { CasesCoreModule } from '@ventanilla/cases';
import { SubjectsCoreModule } from '@ventanilla/subjects';
import { OpenDataController } from './open-data/open-data.controller';
import { OpenDataService } from './open-data/open-data.service';
import { AnnualReportController } from './reports/annual-report.controller';
import { AnnualReportService } from './reports/annual-report.service';
import { OverdueService } from './stats/overdue.service';
import { StatsController } from './stats/stats.controller';
import { SubjectStatsService } from './stats/subject-stats.service';

/** The PDH's monitoring (Arts. 46-49): public, read-only, without personal data. */
@Module({
  imports: [CasesCoreModule, SubjectsCoreModule],
  controllers: [StatsController, AnnualReportController, OpenDataController],
  providers: [SubjectStatsService, OverdueService, AnnualReportService, OpenDataService],
  exports: [SubjectStatsService, AnnualReportService],
})
export class MonitoringModule {}
