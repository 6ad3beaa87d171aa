import { canReadSubject, isRole, requiresSubject, ROLES, Role, seesContactDetails, StaffUser } from './roles';

const user = (role: Role, subjectCode: string | null): StaffUser => ({ id: 'u', email: 'x@y.gt', role, subjectCode });

describe('staff roles', () => {
  it.each([
    ['uip_officer', true],
    ['highest_authority', true],
    ['pdh_monitor', false],
    ['admin', false],
  ] as const)('%s requires a subject: %s', (role, expected) => {
    expect(requiresSubject(role)).toBe(expected);
  });

  it('recognizes exactly the four roles', () => {
    expect(ROLES.every(isRole)).toBe(true);
    for (const value of ['ADMIN', 'officer', '', null, undefined, 3]) expect(isRole(value)).toBe(false);
  });

  it.each([
    [user('admin', null), 'MINFIN', true],
    [user('pdh_monitor', null), 'MUNI-0407', true],
    [user('uip_officer', 'MINFIN'), 'MINFIN', true],
    [user('uip_officer', 'MINFIN'), 'MINECO', false],
    [user('highest_authority', 'MUNI-0407'), 'MUNI-0407', true],
    [user('highest_authority', 'MUNI-0407'), 'MUNI-0408', false],
    // A bound role without a subject (impossible in the database) reads nothing.
    [user('uip_officer', null), 'MINFIN', false],
  ])('canReadSubject(%o, %s) is %s', (staff, subject, expected) => {
    expect(canReadSubject(staff, subject)).toBe(expected);
  });

  it.each([
    ['admin', true],
    ['uip_officer', true],
    ['highest_authority', true],
    ['pdh_monitor', false],
  ] as const)('seesContactDetails for %s is %s', (role, expected) => {
    expect(seesContactDetails({ role })).toBe(expected);
  });
});
