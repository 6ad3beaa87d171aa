import { loadConfig } from '@ventanilla/config';
import { BusinessCalendar, SubjectCalendar } from '@ventanilla/calendar';
import {
  businessDayBefore,
  MilestoneCaseState,
  milestoneApplies,
  MilestoneKind,
  milestoneSettings,
  MilestoneSettings,
  planMilestones,
} from './milestone-plan';

// 2026 (counted by hand): Holy Thu/Fri/Sat 2-4 Apr; 1 May. The declared day is a body's own closure.
const calendar = new BusinessCalendar({
  halfDaysAreBusiness: true,
  declaredDays: [{ date: '2026-03-10', name: 'Cierre de oficinas', subjectCode: 'SAT' }],
  localHolidays: [],
});
const MINFIN: SubjectCalendar = { code: 'MINFIN', worksSaturdays: false, closingTime: '16:00' };
const RENAP: SubjectCalendar = { code: 'RENAP', worksSaturdays: true, closingTime: '16:00' };
const SAT: SubjectCalendar = { code: 'SAT', worksSaturdays: false, closingTime: '15:00' };
const SETTINGS: MilestoneSettings = { reminderDays: 3, reminderTime: '08:00', scheduleHorizonDays: 3 };

const open = (over: Partial<MilestoneCaseState> = {}): MilestoneCaseState => ({
  status: 'received',
  receivedOn: '2026-03-02',
  dueDate: '2026-03-16',
  extendedDueDate: null,
  fictaDueDate: '2026-03-30',
  appealStatus: null,
  appealDueDate: null,
  ...over,
});

// 08:00 local is 14:00Z; the end of a local day is 06:00Z the next day.
const at8 = (date: string) => `${date}T14:00:00.000Z`;
const endOf = (date: string) => new Date(Date.parse(`${date}T06:00:00Z`) + 86_400_000).toISOString();

type Row = [string, MilestoneCaseState, SubjectCalendar, Pick<MilestoneSettings, 'reminderDays' | 'reminderTime'>, [MilestoneKind, string][]];

describe('planMilestones', () => {
  it.each<Row>([
    [
      // Due Mon 16 Mar: reminder Wed 11 (11, 12, 13 → 3 días hábiles before), Art. 43 window from Fri 13.
      'a new case',
      open(),
      MINFIN,
      SETTINGS,
      [
        ['reminder', at8('2026-03-11')],
        ['extension_window', at8('2026-03-13')],
        ['last_day', at8('2026-03-16')],
        ['overdue', endOf('2026-03-16')],
        ['ficta', endOf('2026-03-30')],
      ],
    ],
    [
      'a case awaiting clarification (the clock keeps running)',
      open({ status: 'clarification_requested' }),
      MINFIN,
      SETTINGS,
      [
        ['reminder', at8('2026-03-11')],
        ['extension_window', at8('2026-03-13')],
        ['last_day', at8('2026-03-16')],
        ['overdue', endOf('2026-03-16')],
        ['ficta', endOf('2026-03-30')],
      ],
    ],
    [
      // Due Wed 15 Apr across Holy Week: 14, 13, 10 Apr back; the window opens Tue 14.
      'a term across Holy Week',
      open({ receivedOn: '2026-03-30', dueDate: '2026-04-15', fictaDueDate: '2026-04-29' }),
      MINFIN,
      SETTINGS,
      [
        ['reminder', at8('2026-04-10')],
        ['extension_window', at8('2026-04-14')],
        ['last_day', at8('2026-04-15')],
        ['overdue', endOf('2026-04-15')],
        ['ficta', endOf('2026-04-29')],
      ],
    ],
    [
      // A Saturday worker: due Tue 14 Apr; back 13, Sat 11, Fri 10.
      'a body that works Saturdays',
      open({ receivedOn: '2026-03-30', dueDate: '2026-04-14', fictaDueDate: '2026-04-28' }),
      RENAP,
      SETTINGS,
      [
        ['reminder', at8('2026-04-10')],
        ['extension_window', at8('2026-04-13')],
        ['last_day', at8('2026-04-14')],
        ['overdue', endOf('2026-04-14')],
        ['ficta', endOf('2026-04-28')],
      ],
    ],
    [
      // SAT's own closure on Tue 10 Mar is skipped going back from Fri 13: 12, 11, 9.
      "a body's own closure",
      open({ receivedOn: '2026-03-02', dueDate: '2026-03-13', fictaDueDate: '2026-03-27' }),
      SAT,
      SETTINGS,
      [
        ['reminder', at8('2026-03-09')],
        ['extension_window', at8('2026-03-12')],
        ['last_day', at8('2026-03-13')],
        ['overdue', endOf('2026-03-13')],
        ['ficta', endOf('2026-03-27')],
      ],
    ],
    [
      // Extended to Mon 30 Mar: reminders follow the term that applies; no extension window any more.
      'an extended case',
      open({ status: 'extended', extendedDueDate: '2026-03-30', fictaDueDate: '2026-04-15' }),
      MINFIN,
      SETTINGS,
      [
        ['reminder', at8('2026-03-25')],
        ['last_day', at8('2026-03-30')],
        ['overdue', endOf('2026-03-30')],
        ['ficta', endOf('2026-04-15')],
      ],
    ],
    [
      'an extended case awaiting clarification',
      open({ status: 'clarification_requested', extendedDueDate: '2026-03-30', fictaDueDate: '2026-04-15' }),
      MINFIN,
      SETTINGS,
      [
        ['reminder', at8('2026-03-25')],
        ['last_day', at8('2026-03-30')],
        ['overdue', endOf('2026-03-30')],
        ['ficta', endOf('2026-04-15')],
      ],
    ],
    [
      // A reminder that would fall on or before the reception day is left out.
      'a reminder too early for the term',
      open(),
      MINFIN,
      { reminderDays: 10, reminderTime: '08:00' },
      [
        ['extension_window', at8('2026-03-13')],
        ['last_day', at8('2026-03-16')],
        ['overdue', endOf('2026-03-16')],
        ['ficta', endOf('2026-03-30')],
      ],
    ],
    [
      'another reminder day and hour',
      open(),
      MINFIN,
      { reminderDays: 1, reminderTime: '07:30' },
      [
        ['reminder', '2026-03-13T13:30:00.000Z'],
        ['extension_window', '2026-03-13T13:30:00.000Z'],
        ['last_day', '2026-03-16T13:30:00.000Z'],
        ['overdue', endOf('2026-03-16')],
        ['ficta', endOf('2026-03-30')],
      ],
    ],
    ['a resolved case', open({ status: 'resolved' }), MINFIN, SETTINGS, []],
    ['a transferred case', open({ status: 'transferred' }), MINFIN, SETTINGS, []],
    ['a withdrawn case', open({ status: 'withdrawn' }), MINFIN, SETTINGS, []],
    [
      'a resolved case under appeal',
      open({ status: 'resolved', appealStatus: 'filed', appealDueDate: '2026-03-20' }),
      MINFIN,
      SETTINGS,
      [['appeal_decision', endOf('2026-03-20')]],
    ],
    ['a decided appeal', open({ status: 'resolved', appealStatus: 'decided', appealDueDate: '2026-03-20' }), MINFIN, SETTINGS, []],
    ['an appeal on a withdrawn case', open({ status: 'withdrawn', appealStatus: 'filed', appealDueDate: '2026-03-20' }), MINFIN, SETTINGS, []],
    [
      // Appeal against silence: the case is still open, both watches run.
      'an open case under appeal',
      open({ appealStatus: 'filed', appealDueDate: '2026-03-24' }),
      MINFIN,
      SETTINGS,
      [
        ['reminder', at8('2026-03-11')],
        ['extension_window', at8('2026-03-13')],
        ['last_day', at8('2026-03-16')],
        ['overdue', endOf('2026-03-16')],
        ['appeal_decision', endOf('2026-03-24')],
        ['ficta', endOf('2026-03-30')],
      ],
    ],
  ])('%s', (_name, state, subject, settings, expected) => {
    const plan = planMilestones(state, calendar, subject, settings).map((m) => [m.kind, m.dueAt.toISOString()]);
    expect(plan).toEqual(expected);
  });
});

describe('milestoneApplies', () => {
  const beforeEnd = new Date('2026-03-16T20:00:00Z'); // 14:00 local on the due date
  const afterEnd = new Date('2026-03-17T06:00:00Z'); // 00:00 local the next day
  it.each<[MilestoneKind, MilestoneCaseState, Date, boolean]>([
    ['reminder', open(), beforeEnd, true],
    ['reminder', open(), afterEnd, false],
    ['reminder', open({ status: 'resolved' }), beforeEnd, false],
    ['last_day', open(), beforeEnd, true],
    ['last_day', open(), afterEnd, false],
    ['last_day', open({ extendedDueDate: '2026-03-30', status: 'extended' }), afterEnd, true],
    ['extension_window', open(), beforeEnd, true],
    ['extension_window', open(), afterEnd, false],
    ['extension_window', open({ extendedDueDate: '2026-03-30', status: 'extended' }), beforeEnd, false],
    ['overdue', open(), afterEnd, true],
    ['overdue', open({ status: 'clarification_requested' }), afterEnd, true],
    ['overdue', open({ status: 'resolved' }), afterEnd, false],
    ['overdue', open({ status: 'withdrawn' }), afterEnd, false],
    ['ficta', open(), afterEnd, true],
    ['ficta', open({ status: 'transferred' }), afterEnd, false],
    ['appeal_decision', open({ status: 'resolved', appealStatus: 'filed' }), afterEnd, true],
    ['appeal_decision', open({ status: 'resolved', appealStatus: 'decided' }), afterEnd, false],
  ])('%s on %j at %s → %s', (kind, state, now, expected) => {
    expect(milestoneApplies(kind, state, now)).toBe(expected);
  });
});

describe('businessDayBefore', () => {
  it('mirrors addBusinessDays from any día hábil', () => {
    for (let d = Date.parse('2026-01-05T12:00:00Z'); d < Date.parse('2026-12-20T12:00:00Z'); d += 86_400_000) {
      const date = new Date(d).toISOString().slice(0, 10);
      if (!calendar.isBusinessDay(date, MINFIN)) continue;
      for (const n of [1, 2, 3, 10]) {
        expect(calendar.addBusinessDays(businessDayBefore(calendar, date, n, MINFIN), n, MINFIN)).toBe(date);
      }
    }
  });
});

describe('milestoneSettings', () => {
  it.each<[NodeJS.ProcessEnv, MilestoneSettings | RegExp]>([
    [{}, { reminderDays: 3, reminderTime: '08:00', scheduleHorizonDays: 3 }],
    [
      { WATCH_REMINDER_DAYS: '5', WATCH_REMINDER_TIME: '07:30', WATCH_SCHEDULE_HORIZON_DAYS: '7' },
      { reminderDays: 5, reminderTime: '07:30', scheduleHorizonDays: 7 },
    ],
    [{ WATCH_REMINDER_DAYS: '0' }, /WATCH_REMINDER_DAYS/],
    [{ WATCH_REMINDER_DAYS: 'tres' }, /WATCH_REMINDER_DAYS/],
    [{ WATCH_REMINDER_TIME: '8am' }, /WATCH_REMINDER_TIME/],
    // A horizon of one day could let a milestone fall due before the next day's top-up brings it in.
    [{ WATCH_SCHEDULE_HORIZON_DAYS: '1' }, /WATCH_SCHEDULE_HORIZON_DAYS/],
  ])('%j', (env, expected) => {
    // Read and validated with the rest of the configuration.
    if (expected instanceof RegExp) expect(() => milestoneSettings(loadConfig(env))).toThrow(expected);
    else expect(milestoneSettings(loadConfig(env))).toEqual(expected);
  });
});
