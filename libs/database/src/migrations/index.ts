import { Foundation1763700000001 } from './1763700000001-foundation';
import { OutboxAndMail1763700000002 } from './1763700000002-outbox-and-mail';

/** Every migration, in order. Landed migrations are never rewritten: add a new one. */
export const MIGRATIONS = [
  Foundation1763700000001,
  OutboxAndMail1763700000002,
];
