import type { AppealGround, AppealOutcome, Channel, DeliveryFormat, ResolutionType } from '@ventanilla/cases';

/** The LAIP is Decreto 57-2008; no earlier year has anything to report. */
export const FIRST_REPORT_YEAR = 2008;

/** The outcomes Art. 42 and 38 allow, plus withdrawn and still open: every case lands in exactly one. */
export type ReportOutcome = ResolutionType | 'transferred' | 'withdrawn' | 'open';
export type DeniedType = Extract<ResolutionType, `denied_${string}`>;

/**
 * The annual report of LAIP Art. 48 for one subject and one year: cases received that year
 * (received_on in the calendar year, America/Guatemala); states as of `asOf`.
 */
export interface AnnualReport {
  subject: { code: string; name: string; sector: string; departmentCode: string | null; department: string | null };
  year: number;
  from: string;
  to: string;
  /** The day the figures were read: pending and overdue depend on it. */
  asOf: string;
  /** 1. Number of requests and the type of information requested (by delivery format and channel). */
  requests: {
    total: number;
    byDeliveryFormat: Record<DeliveryFormat, number>;
    byChannel: Record<Channel, number>;
    /** By the requester's language (ISO 639 code), only those present: the body attends in it (Decreto 19-2003). */
    byLanguage: Record<string, number>;
  };
  /** 2. The result of each request. */
  results: Record<ReportOutcome, number>;
  /** 3. Response times of the resolved requests, in días hábiles (one decimal). */
  responseTimes: {
    resolved: number;
    onTime: number;
    late: number;
    medianBusinessDays: number | null;
    p90BusinessDays: number | null;
    meanBusinessDays: number | null;
  };
  /** 4. Pending requests (still open as of `asOf`). */
  pending: { total: number; overdue: number; awaitingClarification: number };
  /** 5. Requests whose term was extended (Art. 43). */
  extended: { total: number };
  /** 6. Requests rejected: every denial. */
  rejected: { total: number } & Record<DeniedType, number>;
  /** 7. Requests not satisfied because the information is reserved or confidential. */
  reservedOrConfidential: { total: number; reserved: number; confidential: number };
  /** 8. Appeals (recursos de revisión) filed, pending and decided, by outcome and by Art. 55 ground (`other`: free text). */
  appeals: {
    total: number;
    pending: number;
    decided: number;
    byOutcome: Record<AppealOutcome, number>;
    byGround: Record<AppealGround | 'other', number>;
  };
}
