/** Clocks of officers' devices run a little ahead; a minute is not "the future". */
export const RECEIVED_AT_SKEW_MS = 60_000;

/** What is wrong with an officer's `receivedAt`, or null: not in the future, at most one year back. */
export function receivedAtProblem(receivedAt: Date, now: Date): string | null {
  if (receivedAt.getTime() > now.getTime() + RECEIVED_AT_SKEW_MS) return 'no puede ser posterior al momento actual';
  const yearAgo = new Date(now.getTime());
  yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
  if (receivedAt.getTime() < yearAgo.getTime()) return 'no puede ser de hace más de un año';
  return null;
}
