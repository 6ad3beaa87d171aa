import { Module } from '@nestjs/common';
import { AuthModule } from '@ventanilla/auth';
import { CasesCoreModule } from '@ventanilla/cases';
import { SubjectsCoreModule } from '@ventanilla/subjects';
import { WebModule } from '@ventanilla/web';
import { MonitoringModule } from '../monitoring.module';
import { PublicRequestsService } from '../pages/public-requests.service';
import { OverdueDesk } from './overdue-desk.service';
import { PdhPagesController } from './pdh-pages.controller';

/** The PDH monitor's desk and Art. 48 report under `/personal/pdh` (the case page is the workflow's). */
@Module({
  imports: [WebModule, AuthModule, CasesCoreModule, SubjectsCoreModule, MonitoringModule],
  controllers: [PdhPagesController],
  providers: [OverdueDesk, PublicRequestsService],
})
export class PdhPagesModule {}
