import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { MailTransportModule } from '@ventanilla/mail';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';
import { WorkerHealthServer } from './worker-health.server';

@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  providers: [HealthService],
  exports: [HealthService],
})
export class HealthCoreModule {}

/** The api's GET /health. */
@Module({ imports: [HealthCoreModule], controllers: [HealthController] })
export class ApiHealthModule {}

/** The worker's health port. */
@Module({ imports: [HealthCoreModule, MailTransportModule], providers: [WorkerHealthServer], exports: [WorkerHealthServer] })
export class WorkerHealthModule {}
