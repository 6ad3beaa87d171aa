// Calendar throughput: caseTerms + businessDaysTaken + appealDeadline for 1,000,000 cases
// over 400 bodies and ten years. Deterministic (seeded PRNG), so runs compare.
// Run: npx ts-node -r tsconfig-paths/register bench/calendar.bench.ts
import { addDays, BusinessCalendar, DeclaredDay, LegalClock, LocalHoliday, SubjectCalendar } from '../libs/calendar/src/law';

const SUBJECTS = 400;
const CASES = 1_000_000;
const FIRST_INSTANT = Date.parse('2021-01-01T06:00:00Z'); // 2021-01-01 00:00 in Guatemala
const LAST_INSTANT = Date.parse('2031-01-01T06:00:00Z');

// mulberry32: tiny, fast and good enough to spread the load.
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = prng(57_2008);
const pick = (n: number): number => Math.floor(random() * n);
const pad = (n: number): string => String(n).padStart(2, '0');

const subjects: SubjectCalendar[] = [];
const localHolidays: LocalHoliday[] = [];
const declaredDays: DeclaredDay[] = [];
for (let i = 0; i < SUBJECTS; i++) {
  const code = `S-${String(i).padStart(4, '0')}`;
  subjects.push({ code, worksSaturdays: random() < 0.25, closingTime: ['15:00', '15:30', '16:00', '16:30'][pick(4)] });
  if (random() < 0.4) localHolidays.push({ subjectCode: code, month: 1 + pick(12), day: 1 + pick(28), name: 'Feria titular' });
  if (random() < 0.1) {
    for (let year = 2021; year <= 2030; year++) {
      declaredDays.push({ date: `${year}-${pad(1 + pick(12))}-${pad(1 + pick(28))}`, name: 'Cierre', subjectCode: code });
    }
  }
}
for (let year = 2021; year <= 2031; year++) {
  declaredDays.push({ date: `${year}-11-02`, name: 'Asueto (Acuerdo Gubernativo)', subjectCode: null });
}

// Inputs are drawn before the clock starts, so the timing is the calendar's alone.
const subjectOf = new Uint16Array(CASES);
const instantOf = new Float64Array(CASES);
const resolutionLag = new Uint8Array(CASES);
for (let i = 0; i < CASES; i++) {
  subjectOf[i] = pick(SUBJECTS);
  instantOf[i] = FIRST_INSTANT + Math.floor(random() * (LAST_INSTANT - FIRST_INSTANT));
  resolutionLag[i] = pick(29); // resolved 0–28 calendar days after reception
}

const heapBefore = process.memoryUsage().heapUsed;
const started = process.hrtime.bigint();
const calendar = new BusinessCalendar({ declaredDays, localHolidays, halfDaysAreBusiness: false });
const clock = new LegalClock(calendar);
let checksum = 0;
for (let i = 0; i < CASES; i++) {
  const subject = subjects[subjectOf[i]];
  const terms = clock.caseTerms(new Date(instantOf[i]), subject);
  const resolvedOn = addDays(terms.receivedOn, resolutionLag[i]);
  checksum += clock.businessDaysTaken(terms.receivedOn, resolvedOn, subject);
  checksum += clock.appealDeadline(resolvedOn, subject).charCodeAt(9) + terms.fictaDueDate.charCodeAt(9);
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const heapAfter = process.memoryUsage().heapUsed;

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
console.log(`cases:       ${CASES.toLocaleString('en-US')} over ${SUBJECTS} subjects, 2021–2030`);
console.log(`total time:  ${seconds.toFixed(3)} s`);
console.log(`throughput:  ${Math.round(CASES / seconds).toLocaleString('en-US')} cases/s`);
console.log(`heap used:   ${mb(heapAfter)} (before run ${mb(heapBefore)}, delta ${mb(heapAfter - heapBefore)})`);
console.log(`checksum:    ${checksum}`);
