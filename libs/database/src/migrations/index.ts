import { Foundation1763700000001 } from './1763700000001-foundation';
import { OutboxAndMail1763700000002 } from './1763700000002-outbox-and-mail';
import { CalendarRevision1763700000003 } from './1763700000003-calendar-revision';
import { Intake1763700000004 } from './1763700000004-intake';
import { Staff1763700000005 } from './1763700000005-staff';
import { Watch1763700000007 } from './1763700000007-watch';
import { Monitoring1763700000008 } from './1763700000008-monitoring';
import { MailOutcome1765000010001 } from './1765000010001-mail-outcome';
import { FreeTextGrounds1765000011001 } from './1765000011001-free-text-grounds';
import { AccessCodeAttempts1765000011002 } from './1765000011002-access-code-attempts';
import { StaffAdmin1765000012001 } from './1765000012001-staff-admin';
import { CalendarRevisionSequence1765000013001 } from './1765000013001-calendar-revision-sequence';
import { Documents1765000016001 } from './1765000016001-documents';
import { CatalogRevision1765000017001 } from './1765000017001-catalog-revision';
import { PortalIndexes1765000017002 } from './1765000017002-portal-indexes';
import { SearchIndexes1765000017003 } from './1765000017003-search-indexes';

/** Every migration, in order. Landed migrations are never rewritten: add a new one. */
export const MIGRATIONS = [
  Foundation1763700000001,
  OutboxAndMail1763700000002,
  CalendarRevision1763700000003,
  Intake1763700000004,
  Staff1763700000005,
  Watch1763700000007,
  Monitoring1763700000008,
  MailOutcome1765000010001,
  FreeTextGrounds1765000011001,
  AccessCodeAttempts1765000011002,
  StaffAdmin1765000012001,
  CalendarRevisionSequence1765000013001,
  Documents1765000016001,
  CatalogRevision1765000017001,
  PortalIndexes1765000017002,
  SearchIndexes1765000017003,
];
