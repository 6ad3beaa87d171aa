import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { QueueProcessor } from './job-handler';
import { allJobNames } from './queues';

/** Refuses to start a worker in which some declared job name has no handler. */
@Injectable()
export class JobCoverageCheck implements OnApplicationBootstrap {
  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    const handled = new Set(
      this.discovery
        .getProviders()
        .map((wrapper) => wrapper.instance as unknown)
        .filter((instance): instance is QueueProcessor => instance instanceof QueueProcessor)
        .flatMap((p) => p.handledJobs().map((job) => `${p.queueName}/${job}`)),
    );
    const missing = missingHandlers(handled);
    if (missing.length > 0) {
      throw new Error(`Trabajos sin procesador: ${missing.join(', ')}`);
    }
  }
}

export function missingHandlers(handled: Set<string>): string[] {
  return allJobNames()
    .map(({ queue, job }) => `${queue}/${job}`)
    .filter((name) => !handled.has(name));
}
