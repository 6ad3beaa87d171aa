import type { StaffUser } from '@ventanilla/auth';
import { DocumentReader, mayRead } from './document-access';

const staff = (role: StaffUser['role'], subjectCode: string | null): DocumentReader => ({ kind: 'staff', user: { id: 'u', email: 'x@y.gt', role, subjectCode } });
const anyone: DocumentReader = { kind: 'anyone' };
const requester: DocumentReader = { kind: 'requester' };
const officer = staff('uip_officer', 'MINFIN');
const otherOfficer = staff('uip_officer', 'MINECO');
const authority = staff('highest_authority', 'MINFIN');
const monitor = staff('pdh_monitor', null);
const admin = staff('admin', null);

const delivered = new Date();
const resolved = { status: 'resolved' as const, subjectCode: 'MINFIN' };
const open = { status: 'received' as const, subjectCode: 'MINFIN' };

describe('mayRead (who reads a document)', () => {
  it.each([
    // reader, public, delivered, case, expected
    ['anyone', anyone, true, true, resolved, true],
    ['other officer', otherOfficer, true, true, resolved, true],
    ['anyone: not public', anyone, false, true, resolved, false],
    ['anyone: public, not delivered', anyone, true, false, resolved, false],
    ['anyone: public, open case', anyone, true, true, open, false],
    ['requester: not public, delivered', requester, false, true, resolved, true],
    ['requester: not delivered', requester, true, false, open, false],
    ['officer: draft', officer, false, false, open, true],
    ['authority: draft', authority, false, false, open, true],
    ['pdh: draft', monitor, false, false, open, true],
    ['other officer: not public', otherOfficer, false, true, resolved, false],
    ['admin: not public', admin, false, true, resolved, false],
    ['admin: public', admin, true, true, resolved, true],
  ] as const)('%s → %s', (_label, reader, isPublic, isDelivered, c, expected) => {
    expect(mayRead(reader, { public: isPublic, deliveredAt: isDelivered ? delivered : null }, c)).toBe(expected);
  });
});
