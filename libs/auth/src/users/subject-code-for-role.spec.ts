import { subjectCodeProblem } from './subject-code-for-role';

describe('subjectCodeProblem', () => {
  it.each([
    ['uip_officer', 'MINFIN'],
    ['highest_authority', 'MUNI-0407'],
    ['pdh_monitor', undefined],
    ['pdh_monitor', null],
    ['admin', undefined],
    // An unknown role is reported by its own rule, not twice.
    ['janitor', 'MINFIN'],
    [undefined, undefined],
  ])('role %p with subjectCode %p is fine', (role, subjectCode) => {
    expect(subjectCodeProblem(role, subjectCode)).toBeNull();
  });

  it.each([
    ['uip_officer', undefined, /obligatorio/],
    ['uip_officer', null, /obligatorio/],
    ['highest_authority', undefined, /obligatorio/],
    ['pdh_monitor', 'PDH', /no se admite/],
    ['admin', 'MINFIN', /no se admite/],
    ['uip_officer', 42, /código/],
    ['uip_officer', '', /código/],
    ['uip_officer', 'minfin; drop', /código/],
    ['uip_officer', 'X'.repeat(41), /código/],
    ['janitor', 7, /código/],
  ])('role %p with subjectCode %p: %s', (role, subjectCode, message) => {
    expect(subjectCodeProblem(role, subjectCode)).toMatch(message);
  });
});
