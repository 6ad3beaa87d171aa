import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { JobHandlers, jobKey, QueueProcessor } from './job-handler';
import { allJobNames } from './queues';

/** Refuses to start a worker in which some declared job has no `@OnJob` handler or its queue no worker. */
@Injectable()
export class JobCoverageCheck implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly handlers: JobHandlers,
  ) {}

  onApplicationBootstrap(): void {
    const queues = new Set(
      this.discovery
        .getProviders()
        .map((wrapper) => wrapper.instance as unknown)
        .filter((instance): instance is QueueProcessor => instance instanceof QueueProcessor)
        .map((p) => p.queueName),
    );
    const handled = new Set([...this.handlers.handled()].filter((key) => queues.has(key.slice(0, key.indexOf('/')))));
    const missing = missingHandlers(handled);
    if (missing.length > 0) {
      throw new Error(`Trabajos sin procesador: ${missing.join(', ')}`);
    }
  }
}

export function missingHandlers(handled: Set<string>): string[] {
  return allJobNames()
    .map(jobKey)
    .filter((name) => !handled.has(name));
}
