import 'reflect-metadata';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

/** Development defaults: both processes start with nothing set on a machine with local PostgreSQL and Redis. */
export const DEV_DEFAULTS = {
  JWT_SECRET: 'dev-only-secret-change-me',
  ACCESS_CODE_SECRET: 'dev-only-access-code-secret',
  ADMIN_PASSWORD: 'admin-dev-password',
} as const;

const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['1', 'true', 'yes'].includes(value.toLowerCase()) : value;

/** Every environment variable either process reads, validated once at boot. */
export class EnvDto {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Matches(/^postgres(ql)?:\/\//)
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/ventanilla';

  /**
   * A read replica of DATABASE_URL (optional): monitoring, open data and the public statistics
   * and reports read there; everything else stays on the primary.
   */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//)
  DATABASE_READ_URL?: string;

  /**
   * How long (s) the per-subject statistics (the API's stats/subjects, /estadisticas, /sujetos)
   * are reused by a process before they are counted again: public figures that every visitor
   * asks for alike, and that their answers already let caches keep five minutes. 0: every call
   * counts.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  STATS_CACHE_SECONDS = 60;

  @Matches(/^rediss?:\/\//)
  REDIS_URL = 'redis://127.0.0.1:6379';

  /**
   * Prefix of every Redis key (BullMQ's and the counters'), so test runs and deployments can
   * share one Redis. It carries a hash tag (`{…}`): Redis Cluster then puts every key in one
   * slot, as BullMQ's multi-key scripts need.
   */
  @IsString()
  @Matches(/^[a-zA-Z0-9_:-]*\{[a-zA-Z0-9_:-]+\}[a-zA-Z0-9_:-]*$/, {
    message: 'REDIS_PREFIX debe llevar una etiqueta hash entre llaves, p. ej. {ventanilla}, para que Redis Cluster guarde todas las claves juntas',
  })
  REDIS_PREFIX = '{ventanilla}';

  @Matches(/^smtps?:\/\//)
  SMTP_URL = 'smtp://127.0.0.1:1025';

  @IsString()
  MAIL_FROM = 'Ventanilla LAIP <no-responder@ventanilla.gob.gt>';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_HEALTH_PORT = 3001;

  @Matches(/^https?:\/\//)
  PUBLIC_BASE_URL = 'http://localhost:3000';

  @IsString()
  @MinLength(16)
  JWT_SECRET: string = DEV_DEFAULTS.JWT_SECRET;

  @IsString()
  JWT_EXPIRES_IN = '8h';

  /**
   * Minutes without a page load after which a staff member's page session ends (the sign-in
   * asks again). Long enough to write a reasoned resolution; the session also never outlives
   * JWT_EXPIRES_IN from its sign-in.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  STAFF_SESSION_IDLE_MINUTES = 60;

  @IsString()
  ADMIN_EMAIL = 'admin@ventanilla.local';

  @IsString()
  @MinLength(8)
  ADMIN_PASSWORD: string = DEV_DEFAULTS.ADMIN_PASSWORD;

  /**
   * Express `trust proxy`: behind a reverse proxy, set it (e.g. `1` or `loopback`) so the
   * per-address limits see the client's address instead of the proxy's.
   */
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  /** Largest accepted request body (express/body-parser syntax). */
  @IsString()
  BODY_LIMIT = '1mb';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** `pretty`: one readable line per event (a terminal); `json`: one JSON object per line (log collectors). Unset: pretty in development. */
  @IsOptional()
  @IsIn(['pretty', 'json'])
  LOG_FORMAT?: 'pretty' | 'json';

  /** How often the outbox relay looks for rows left behind (ms); it is also woken after each commit. */
  @Type(() => Number)
  @IsInt()
  @Min(50)
  OUTBOX_POLL_MS = 2000;

  // --- Faults: mail through SMTP outages, PostgreSQL limits, shutdown. ---
  /** Transient SMTP failures (refused, timeouts, 4xx) are retried this long; then the mail is recorded as undeliverable. */
  @Type(() => Number) @IsInt() @Min(1) MAIL_RETRY_HOURS = 72;
  /** Longest wait between two tries of one mail (ms); the wait doubles from 2 s up to it. */
  @Type(() => Number) @IsInt() @Min(100) MAIL_RETRY_MAX_DELAY_MS = 600_000;
  /** How often the worker looks for relayed mail whose job Redis no longer has (ms). */
  @Type(() => Number) @IsInt() @Min(1000) MAIL_REDELIVERY_EVERY_MS = 60_000;
  /** Longest wait for each step of an SMTP conversation: connecting, the greeting, each reply (ms). */
  @Type(() => Number) @IsInt() @Min(100) SMTP_TIMEOUT_MS = 20_000;
  /** PostgreSQL, on every pool of both processes: connecting (or waiting for a free connection), one statement, one lock, and a transaction left idle. */
  @Type(() => Number) @IsInt() @Min(100) DB_CONNECT_TIMEOUT_MS = 5000;
  @Type(() => Number) @IsInt() @Min(100) DB_STATEMENT_TIMEOUT_MS = 10_000;
  /** An open-data export is one cursor read at the client's pace: a ten-year download outlasts DB_STATEMENT_TIMEOUT_MS. */
  @Type(() => Number) @IsInt() @Min(100) OPEN_DATA_STATEMENT_TIMEOUT_MS = 900_000;
  @Type(() => Number) @IsInt() @Min(100) DB_LOCK_TIMEOUT_MS = 5000;
  @Type(() => Number) @IsInt() @Min(100) DB_IDLE_IN_TRANSACTION_TIMEOUT_MS = 10_000;
  /** On SIGTERM, in-flight requests and jobs get this long to finish before the process exits anyway (ms). */
  @Type(() => Number) @IsInt() @Min(100) SHUTDOWN_TIMEOUT_MS = 10_000;

  // --- The law's terms (LAIP); each a setting with the law's value as default. ---
  @Type(() => Number) @IsInt() @Min(1) TERM_RESPONSE_DAYS = 10; // Art. 42
  @Type(() => Number) @IsInt() @Min(1) TERM_EXTENSION_DAYS = 10; // Art. 43
  @Type(() => Number) @IsInt() @Min(1) TERM_FICTA_DAYS = 10; // Art. 44
  @Type(() => Number) @IsInt() @Min(1) TERM_APPEAL_FILING_DAYS = 15; // Art. 55
  @Type(() => Number) @IsInt() @Min(1) TERM_APPEAL_DECISION_DAYS = 5; // Art. 58
  @Type(() => Number) @IsInt() @Min(1) TERM_COMPLIANCE_DAYS = 5; // Art. 60

  /** Policy: default closing time of a UIP (HH:MM, local time). */
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/)
  DEFAULT_CLOSING_TIME = '16:00';

  /** Policy: 24 and 31 December are half holidays; by default they stay días hábiles. */
  @Transform(toBoolean)
  @IsBoolean()
  HALF_DAYS_ARE_BUSINESS = true;

  /** Keys the HMAC-SHA-256 that stores access codes; its own secret, never JWT_SECRET (required in production). */
  @IsString()
  @MinLength(16)
  ACCESS_CODE_SECRET: string = DEV_DEFAULTS.ACCESS_CODE_SECRET;

  /** Wrong access codes for one folio from one client address before 429, and the window they count in. */
  @Type(() => Number) @IsInt() @Min(1) ACCESS_CODE_MAX_FAILURES = 5;
  @Type(() => Number) @IsInt() @Min(1) ACCESS_CODE_LOCK_SECONDS = 900;
  /** Wrong access codes from one client address (any folio) before 429: sized for a shared address. */
  @Type(() => Number) @IsInt() @Min(1) ACCESS_CODE_ADDRESS_MAX_FAILURES = 100;
  @Type(() => Number) @IsInt() @Min(1) ACCESS_CODE_ADDRESS_WINDOW_SECONDS = 3600;

  /** Anonymous writes (@nestjs/throttler): filings per client address per window, sized for a shared address. */
  @Type(() => Number) @IsInt() @Min(1) FILING_ADDRESS_LIMIT = 30;
  @Type(() => Number) @IsInt() @Min(1) FILING_ADDRESS_WINDOW_SECONDS = 3600;
  /** Filing confirmations one recipient address may receive per day. */
  @Type(() => Number) @IsInt() @Min(1) FILING_RECIPIENT_DAILY_LIMIT = 10;
  /** Routing suggestions per client address per window (the filing form asks as people type). */
  @Type(() => Number) @IsInt() @Min(1) ROUTING_ADDRESS_LIMIT = 120;
  @Type(() => Number) @IsInt() @Min(1) ROUTING_ADDRESS_WINDOW_SECONDS = 60;
  /** Public searches (/buscar) per client address per window: a café full of people searching stays under it, one client pinning the database does not. */
  @Type(() => Number) @IsInt() @Min(1) SEARCH_ADDRESS_LIMIT = 60;
  @Type(() => Number) @IsInt() @Min(1) SEARCH_ADDRESS_WINDOW_SECONDS = 60;

  /** Origins (comma-separated) whose pages may call the writes and staff endpoints; public GETs answer any origin. */
  @IsOptional()
  @IsString()
  CORS_ORIGINS?: string;

  @IsOptional()
  @IsString()
  PDH_MONITOR_EMAILS?: string;

  // --- The deadline watch. ---
  /** Reminder to the UIP this many días hábiles before the term ends, at this local time. */
  @Type(() => Number) @IsInt() @Min(1) WATCH_REMINDER_DAYS = 3;
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/) WATCH_REMINDER_TIME = '08:00';
  /** How often the sweep looks for milestones left behind (ms), and cases per transaction. */
  @Type(() => Number) @IsInt() @Min(1000) WATCH_SWEEP_EVERY_MS = 60_000;
  @Type(() => Number) @IsInt() @Min(1) WATCH_SWEEP_BATCH = 500;
  /** Cases per transaction when a declared día inhábil moves terms. */
  @Type(() => Number) @IsInt() @Min(1) WATCH_RECOMPUTE_BATCH = 500;
  /**
   * Only milestones due within this many days are scheduled in Redis (about 1.2 kB per job);
   * the daily top-up brings in the next ones, and the sweep runs whatever is due regardless.
   * At least 2, so each day's top-up runs before what it brings in falls due.
   */
  @Type(() => Number) @IsInt() @Min(2) @Max(366) WATCH_SCHEDULE_HORIZON_DAYS = 3;
  /** The top-up (cron, America/Guatemala), and milestones per page of its walk. */
  @IsString() WATCH_TOP_UP_CRON = '15 0 * * *';
  @Type(() => Number) @IsInt() @Min(1) WATCH_TOP_UP_BATCH = 5000;
  /** Daily digests (cron, America/Guatemala): before the UIPs open, after the night's milestones. */
  @IsString() WATCH_SUBJECT_DIGEST_CRON = '0 7 * * *';
  @IsString() WATCH_PDH_DIGEST_CRON = '5 7 * * *';
  /** Cases listed by name in a digest section; the rest are counted. */
  @Type(() => Number) @IsInt() @Min(1) WATCH_DIGEST_LIST_LIMIT = 50;
  /** Relayed outbox rows are kept this long for diagnosis, then pruned. */
  @Type(() => Number) @IsInt() @Min(1) WATCH_OUTBOX_RETENTION_DAYS = 7;
  /** How often the housekeeping job prunes what only grows (relayed outbox rows, expired keys and counters) (ms). */
  @Type(() => Number) @IsInt() @Min(1000) HOUSEKEEPING_EVERY_MS = 60_000;

  // --- Documents (libs/documents). ---
  /** Where documents' bytes are kept: `local` (a folder; the default) or `s3` (S3-compatible object storage). */
  @IsIn(['local', 's3']) DOCUMENTS_STORAGE: 'local' | 's3' = 'local';
  /** The local driver's folder (relative paths from the working directory). */
  @IsString() @MinLength(1) DOCUMENTS_DIR = 'var/documents';
  /** Where an upload is received before it is checked and stored (default: the system's temporary folder). */
  @IsOptional() @IsString() DOCUMENTS_SPOOL_DIR?: string;
  /** Largest document (MiB, 413 past it) and documents per case. */
  @Type(() => Number) @IsInt() @Min(1) @Max(5000) DOCUMENTS_MAX_FILE_MB = 25;
  @Type(() => Number) @IsInt() @Min(1) DOCUMENTS_MAX_PER_CASE = 20;
  /** Accepted media types, comma-separated; unset: PDF, PNG, JPEG, ODF and OOXML texts and spreadsheets, CSV, plain text. */
  @IsOptional() @IsString() DOCUMENTS_ALLOWED_TYPES?: string;
  /** An object this old without a row is an orphan the housekeeping removes; and how often it looks (ms). */
  @Type(() => Number) @IsInt() @Min(1) DOCUMENTS_ORPHAN_GRACE_MINUTES = 60;
  @Type(() => Number) @IsInt() @Min(1000) DOCUMENTS_SWEEP_EVERY_MS = 3_600_000;
  /** The S3 driver: endpoint (unset: AWS), bucket (created if missing), key prefix, credentials. */
  @IsOptional() @Matches(/^https?:\/\//) S3_ENDPOINT?: string;
  @IsString() S3_REGION = 'us-east-1';
  @IsString() @MinLength(3) S3_BUCKET = 'ventanilla-documents';
  @IsString() S3_PREFIX = 'documents/';
  @IsOptional() @IsString() S3_ACCESS_KEY_ID?: string;
  @IsOptional() @IsString() S3_SECRET_ACCESS_KEY?: string;
  /** Path-style addresses (`endpoint/bucket/key`), as MinIO and most S3-compatible servers expect. */
  @Transform(toBoolean) @IsBoolean() S3_FORCE_PATH_STYLE = true;
}
