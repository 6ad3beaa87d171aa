import { CaseView, isOpen } from '@ventanilla/cases';
import type { Translate } from '@ventanilla/web';
import { createEvents, DateArray, EventAttributes } from 'ics';

/**
 * The request's terms as all-day events for a phone's calendar: each open case's due date
 * (its extended due date once extended) and a filed appeal's decision term. No personal data.
 */
export function calendarFeed(folio: string, cases: CaseView[], followUrl: string, t: Translate): string {
  const events: EventAttributes[] = [];
  for (const c of cases) {
    if (isOpen(c.status)) {
      events.push(dayEvent(`${c.id}-plazo`, c.extendedDueDate ?? c.dueDate, t(c.extendedDueDate ? 'calendario.venceProrroga' : 'calendario.vence', { sujeto: c.subject.name, folio }), followUrl, t));
    }
    if (c.appeal?.status === 'filed' && c.appeal.dueDate) {
      events.push(dayEvent(`${c.id}-recurso`, c.appeal.dueDate, t('calendario.recurso', { sujeto: c.subject.name, folio }), followUrl, t));
    }
  }
  const { error, value } = createEvents(events, { productId: 'ventanilla', calName: t('calendario.nombre', { folio }) });
  if (error || !value) throw error ?? new Error('No se pudo generar el calendario');
  return value;
}

function dayEvent(id: string, date: string, title: string, url: string, t: Translate): EventAttributes {
  return {
    uid: `${id}@ventanilla`,
    start: dateArray(date),
    end: dateArray(nextDay(date)),
    title,
    description: t('calendario.descripcion', { url }),
    url,
    transp: 'TRANSPARENT',
  };
}

function dateArray(date: string): DateArray {
  const [y, m, d] = date.split('-').map(Number);
  return [y, m, d];
}

function nextDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}
