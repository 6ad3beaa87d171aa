import { APPEAL_GROUND_LABELS, appealGroundOf } from '@ventanilla/cases';

/** How notices name the grounds: the Art. 55 wording for a recognized code, else the requester's own words. */
export function appealGroundsLabel(grounds: string): string {
  const code = appealGroundOf(grounds);
  return code ? APPEAL_GROUND_LABELS[code].notice : grounds;
}
