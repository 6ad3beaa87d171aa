import { Module } from '@nestjs/common';
import { CasesCoreModule } from '@ventanilla/cases';
import { EnvDto } from '@ventanilla/config';
import { NoticesModule } from '@ventanilla/notices';
import { IdempotencyService } from '@ventanilla/requests';
import { WatchProcessor } from './watch.processor';
import { PdhDigests } from './digests/pdh-digest.service';
import { SubjectDigests } from './digests/subject-digest.service';
import { Housekeeping, HousekeepingProcessor } from './housekeeping/housekeeping.service';
import { MilestoneEffects } from './milestones/milestone-effects.service';
import { MilestoneSweep } from './milestones/milestone-sweep.service';
import { MilestoneUnschedule } from './milestones/milestone-unschedule.service';
import { MilestoneTopUp } from './milestones/milestone-top-up.service';
import { TermsRecompute } from './terms/terms-recompute.service';
import { WatchSchedules } from './watch-schedules.service';
import { WATCH_SETTINGS, watchSettings } from './watch-settings';

const services = [MilestoneEffects, MilestoneSweep, MilestoneUnschedule, MilestoneTopUp, TermsRecompute, SubjectDigests, PdhDigests, Housekeeping];

/** The watch's services, without a BullMQ worker (benchmarks and tools use them directly). */
@Module({
  imports: [CasesCoreModule, NoticesModule],
  providers: [{ provide: WATCH_SETTINGS, inject: [EnvDto], useFactory: watchSettings }, IdempotencyService, ...services],
  exports: [WATCH_SETTINGS, ...services],
})
export class WatchCoreModule {}

/** The deadline watch in the worker: its queue's worker, housekeeping's, and their recurring jobs. */
@Module({
  imports: [WatchCoreModule],
  providers: [WatchProcessor, HousekeepingProcessor, WatchSchedules],
})
export class WatchWorkerModule {}
