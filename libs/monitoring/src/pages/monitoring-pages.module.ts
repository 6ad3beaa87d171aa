import { Module } from '@nestjs/common';
import { SubjectsCoreModule } from '@ventanilla/subjects';
import { ThrottlingModule } from '@ventanilla/throttling';
import { WebModule } from '@ventanilla/web';
import { MonitoringModule } from '../monitoring.module';
import { MonitoringPagesController } from './monitoring-pages.controller';
import { PublicRequestsService } from './public-requests.service';

/** The public pages over monitoring: statistics, a body's page, the search of earlier requests. */
@Module({
  imports: [WebModule, SubjectsCoreModule, MonitoringModule, ThrottlingModule],
  controllers: [MonitoringPagesController],
  providers: [PublicRequestsService],
})
export class MonitoringPagesModule {}
