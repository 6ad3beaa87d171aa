import { getQueueToken, Processor } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { JobHandlers, QUEUES, QueueProcessor } from '@ventanilla/queue';
import type { Queue } from 'bullmq';
import { DOCUMENTS_SETTINGS, DocumentsSettings } from '../documents-settings';

const jobs = QUEUES.documents.jobs;

/** The documents queue's BullMQ worker; its job's handler is `OrphanSweep.sweep` (`@OnJob`). */
@Processor(QUEUES.documents.name, { concurrency: 1 })
export class DocumentsProcessor extends QueueProcessor {
  readonly queueName = QUEUES.documents.name;

  constructor(handlers: JobHandlers) {
    super(handlers);
  }
}

/** The orphan sweep as a BullMQ job scheduler, upserted at worker start (the same id replaces, never duplicates). */
@Injectable()
export class DocumentsSchedules implements OnApplicationBootstrap {
  private readonly logger = new Logger(DocumentsSchedules.name);

  constructor(
    private readonly moduleRef: ModuleRef,
    @Inject(DOCUMENTS_SETTINGS) private readonly settings: DocumentsSettings,
  ) {}

  onApplicationBootstrap(): void {
    const queue = this.moduleRef.get<Queue>(getQueueToken(QUEUES.documents.name), { strict: false });
    // Not awaited: with Redis down the worker still starts, and the upsert completes once it is back.
    void queue
      .upsertJobScheduler(
        'documents-orphan-sweep',
        { every: this.settings.sweepEveryMs },
        { name: jobs.sweepOrphans, data: {}, opts: { attempts: 1, removeOnComplete: { count: 50 }, removeOnFail: { count: 200 } } },
      )
      .catch((error: unknown) => this.logger.warn(`No se pudo programar la limpieza de documentos: ${String(error)}`));
  }
}
