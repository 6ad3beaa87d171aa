import type { Translate } from './messages/message-catalogue';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const GUATEMALA = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/Guatemala',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Dates as people read them ("15 de diciembre de 2026"), month names from the catalogue. */
export class DateFormat {
  constructor(
    private readonly months: string[],
    private readonly t: Translate,
  ) {}

  /** A calendar date (`YYYY-MM-DD`) or the local day of an instant. */
  date(value: string | null | undefined): string {
    if (!value) return '';
    const [year, month, day] = (LOCAL_DATE.test(value) ? value : localParts(value).date).split('-').map(Number);
    return this.t('fecha.formato', { dia: day, mes: this.months[month - 1], anio: year });
  }

  /** An instant in Guatemala's time: "1 de diciembre de 2026, 10:15". */
  dateTime(value: string | null | undefined): string {
    if (!value) return '';
    const { date, time } = localParts(value);
    return this.t('fecha.formatoConHora', { fecha: this.date(date), hora: time });
  }
}

function localParts(instant: string): { date: string; time: string } {
  const parts = Object.fromEntries(GUATEMALA.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}
