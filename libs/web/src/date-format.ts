// The law's pure functions only: the calendar's barrel brings its staff endpoints, and with them
// `@ventanilla/auth`, whose staff pages import this library (a cycle at load time).
import { isLocalDate, localDateOf, localTimeOf } from '@ventanilla/calendar/law';
import type { Translate } from './messages/message-catalogue';

/** Dates as people read them ("15 de diciembre de 2026"), month names from the catalogue. */
export class DateFormat {
  constructor(
    private readonly months: string[],
    private readonly t: Translate,
  ) {}

  /** A calendar date (`YYYY-MM-DD`) or the local day of an instant. */
  date(value: string | null | undefined): string {
    if (!value) return '';
    const [year, month, day] = (isLocalDate(value) ? value : localDateOf(new Date(value))).split('-').map(Number);
    return this.t('fecha.formato', { dia: day, mes: this.months[month - 1], anio: year });
  }

  /** An instant in Guatemala's time: "1 de diciembre de 2026, 10:15". */
  dateTime(value: string | null | undefined): string {
    if (!value) return '';
    const instant = new Date(value);
    return this.t('fecha.formatoConHora', { fecha: this.date(localDateOf(instant)), hora: localTimeOf(instant) });
  }
}
