import { Inject, Injectable, Logger } from '@nestjs/common';
import { CaseWrites } from '@ventanilla/cases';
import { Clock } from '@ventanilla/config';
import { OnJob, QUEUES } from '@ventanilla/queue';
import { WATCH_SETTINGS, WatchSettings } from '../watch-settings';
import { FireResult, MilestoneEffects } from './milestone-effects.service';

export interface SweepResult extends FireResult {
  cases: number;
  failed: number;
  ms: number;
}

/**
 * Nothing is lost: whatever milestone is due and not done — its job lost in a Redis flush, a
 * worker that crashed, a night of downtime — runs here, once. Batches are small transactions;
 * two workers sweeping at once share the work through SKIP LOCKED.
 */
@Injectable()
export class MilestoneSweep {
  private readonly logger = new Logger(MilestoneSweep.name);
  private running?: Promise<SweepResult>;

  constructor(
    private readonly writes: CaseWrites,
    private readonly effects: MilestoneEffects,
    private readonly clock: Clock,
    @Inject(WATCH_SETTINGS) private readonly settings: WatchSettings,
  ) {}

  /** One pass over everything due now; overlapping calls in one process share it. The scheduled job `watch-sweep`. */
  @OnJob({ queue: QUEUES.watch.name, job: QUEUES.watch.jobs.sweep })
  pass(): Promise<SweepResult> {
    this.running ??= this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  private async run(): Promise<SweepResult> {
    const started = Date.now();
    const now = this.clock.now();
    const total: SweepResult = { cases: 0, fired: 0, skipped: 0, failed: 0, ms: 0 };
    const failed: string[] = [];
    const excluded: string[] = [];
    for (;;) {
      let ids: string[] = [];
      try {
        const batch = await this.writes.run(
          async (w) => {
            // The cases of the oldest pending milestones; a case whose lock is held (an officer's
            // action, another worker's sweep) is skipped and comes back next pass.
            const due = { at: now, limit: this.settings.sweepBatch, except: [...failed, ...excluded] };
            const cases = await w.lockMany({ milestonesDue: due }, { skipLocked: true });
            ids = cases.map((c) => c.id);
            return { cases: cases.length, ...(await this.effects.fireDue(w, cases)) };
          },
          { now },
        );
        if (batch.cases === 0) break;
        // Cases that had nothing left to claim (a racing job did it) are not read again this pass.
        if (batch.fired + batch.skipped === 0) excluded.push(...ids);
        total.cases += batch.cases;
        total.fired += batch.fired;
        total.skipped += batch.skipped;
      } catch (error) {
        if (ids.length === 0) throw error;
        // One bad case must not hold the others back: retry the batch case by case.
        const alone = await this.oneByOne(ids, now, failed);
        total.cases += ids.length;
        total.fired += alone.fired;
        total.skipped += alone.skipped;
      }
    }
    total.failed = failed.length;
    total.ms = Date.now() - started;
    if (total.cases > 0 || total.failed > 0) {
      this.logger.log(
        `Barrido de plazos: ${total.fired} hito(s) con efecto y ${total.skipped} omitido(s) en ${total.cases} caso(s)` +
          `${total.failed ? `; ${total.failed} caso(s) con error` : ''} (${total.ms} ms)`,
      );
    }
    return total;
  }

  private async oneByOne(ids: string[], now: Date, failed: string[]): Promise<FireResult> {
    const sum: FireResult = { fired: 0, skipped: 0 };
    for (const id of ids) {
      try {
        const r = await this.writes.run(async (w) => this.effects.fireDue(w, await w.lockMany({ ids: [id] }, { skipLocked: true })), { now });
        sum.fired += r.fired;
        sum.skipped += r.skipped;
      } catch (error) {
        failed.push(id);
        this.logger.error(`No se pudo atender los hitos del caso ${id}: ${String(error)}`);
      }
    }
    return sum;
  }
}
