import { Inject, Injectable } from '@nestjs/common';
import { InjectThrottlerStorage, ThrottlerStorage } from '@nestjs/throttler';
import { EnvDto } from '@ventanilla/config';
import { AppError } from '@ventanilla/http';
import { createHash } from 'node:crypto';

const DAY_MS = 86_400_000;

/**
 * Confirmation mails per recipient address per day: a filing names any address, and each
 * filing makes the government's sender write to it. Counted in the throttler's storage, under
 * a hash of the address (no personal data in Redis keys), only for filings that passed
 * validation, so a requester correcting a form is not charged.
 */
@Injectable()
export class RecipientLimit {
  constructor(
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
    @Inject(EnvDto) private readonly config: EnvDto,
  ) {}

  async consume(email: string): Promise<void> {
    const key = `recipient:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`;
    const limit = this.config.FILING_RECIPIENT_DAILY_LIMIT;
    const record = await this.storage.increment(key, DAY_MS, limit, DAY_MS, 'filingByRecipient');
    if (record.isBlocked) {
      throw new AppError('RATE_LIMITED', {
        es: `Este correo ya recibió ${limit} confirmaciones de solicitudes hoy. Intente de nuevo mañana o use otro correo.`,
        en: `This address already received ${limit} filing confirmations today. Try again tomorrow or use another address.`,
      }).withHeaders({ 'Retry-After': String(Math.max(1, Math.ceil(record.timeToBlockExpire))) });
    }
  }
}
