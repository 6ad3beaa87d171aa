import { Injectable } from '@nestjs/common';
import { StaffUser } from '@ventanilla/auth';
import { parseInstant } from '@ventanilla/calendar';
import { Clock } from '@ventanilla/config';
import { AppError } from '@ventanilla/http';
import { FilingResult, FilingService, IdempotencyService } from '@ventanilla/requests';
import { staffActor } from '../staff/staff-case-access';
import { RegisterCaseDto } from './register-case.dto';
import { receivedAtProblem } from './received-at';

/**
 * A request received at the officer's own UIP in person, by phone, mail or email. It is filed
 * like a web request, but its terms run from when the UIP received it: an old one is overdue at once.
 */
@Injectable()
export class RegistrationService {
  constructor(
    private readonly filing: FilingService,
    private readonly clock: Clock,
  ) {}

  async register(user: StaffUser, dto: RegisterCaseDto, idempotencyKey: string | undefined): Promise<FilingResult> {
    if (idempotencyKey !== undefined && !IdempotencyService.validKey(idempotencyKey)) {
      throw new AppError('VALIDATION_FAILED', undefined, [
        { field: 'Idempotency-Key', message: 'debe tener entre 1 y 200 caracteres ASCII visibles' },
      ]);
    }
    const now = this.clock.now();
    const receivedAt = parseInstant(dto.receivedAt);
    // The DTO already checked the format; this only narrows the type.
    if (!receivedAt) throw new AppError('VALIDATION_FAILED');
    const problem = receivedAtProblem(receivedAt, now);
    if (problem) throw new AppError('VALIDATION_FAILED', undefined, [{ field: 'receivedAt', message: problem }]);
    const { channel, receivedAt: _received, ...content } = dto;
    return this.filing.file(
      {
        subjects: [user.subjectCode!],
        content,
        channel,
        receivedAt,
        filedAt: now,
        actor: staffActor(user),
        registeredBy: user.id,
        subjectsField: 'subject',
      },
      // Keys are the officer's own: two officers may well pick the same one.
      idempotencyKey ? { scope: `cases:${user.id}`, key: idempotencyKey, bodyHash: IdempotencyService.hashBody(dto) } : undefined,
    );
  }
}
