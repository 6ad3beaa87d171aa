import { LAW_TERMS } from '@ventanilla/calendar';
import { renderMail } from '@ventanilla/mail';
import { noticeKey } from './case-notices.service';

const ref = {
  requesterName: 'Ana <López>',
  folio: 'VT-2026-K7M4-Q9XP',
  caseId: '3f1c0d9e-8a4b-4c51-9d7e-1b2c3d4e5f60',
  subjectName: 'Ministerio de Finanzas Públicas',
  followUrl: 'http://localhost:3000/solicitudes/VT-2026-K7M4-Q9XP',
  terms: LAW_TERMS,
};
const staff = { caseUrl: `http://localhost:3000/personal/casos/${ref.caseId}`, language: 'Kaqchikel', terms: LAW_TERMS };

describe('workflow notices', () => {
  it('keys each mail by event, case and version, without ":" (BullMQ job ids)', () => {
    expect(noticeKey('resolved', { id: ref.caseId, version: 3 })).toBe(`resolved-${ref.caseId}-3`);
    expect(noticeKey('appeal_filed', { id: ref.caseId, version: 1 })).not.toContain(':');
  });

  // Each template: its data, and what the requester (or the UIP) must read in it.
  it.each([
    ['clarification-requested', { ...ref, text: 'Indique el año fiscal.' }, ['aclaración', 'Indique el año fiscal.', ref.followUrl, 'código de acceso']],
    [
      'clarification-answered',
      { subjectName: ref.subjectName, folio: ref.folio, caseId: ref.caseId, ...staff, text: 'El año fiscal 2025.', termDueDate: '2026-04-20' },
      ['respondió', 'El año fiscal 2025.', '2026-04-20', 'requirente prefiere Kaqchikel', staff.caseUrl],
    ],
    ['case-extended', { ...ref, reason: 'Volumen de expedientes.', dueDate: '2026-04-17', extendedDueDate: '2026-05-04' }, ['prorrogó', '2026-04-17', '2026-05-04', 'Volumen de expedientes.']],
    [
      'case-resolved',
      { ...ref, outcome: 'se deniega por tratarse de información reservada', text: 'Razones.', classificationRef: 'Acuerdo 05-2025', resolvedOn: '2026-04-13', appealDeadline: '2026-05-05' },
      ['resolvió', 'información reservada', 'Acuerdo 05-2025', '2026-05-05', ref.followUrl, '15 días hábiles'],
    ],
    ['case-transferred', { ...ref, toSubjectName: 'Ministerio de Economía', reason: 'Es su competencia.', newDueDate: '2026-04-20' }, ['trasladada', 'Ministerio de Economía', '2026-04-20', 'Art. 38']],
    [
      'case-transferred-in',
      { subjectName: 'Ministerio de Economía', fromSubjectName: ref.subjectName, folio: ref.folio, caseId: ref.caseId, ...staff, receivedOn: '2026-04-06', dueDate: '2026-04-20', reason: 'Es su competencia.', description: 'Contratos 2025' },
      [ref.folio, ref.caseId, '2026-04-20', 'Contratos 2025', ref.subjectName, staff.caseUrl, 'Kaqchikel'],
    ],
    ['appeal-filed', { ...ref, grounds: 'falta de respuesta en el plazo', decisionDueDate: '2026-04-20' }, ['recurso de revisión', '2026-04-20', 'falta de respuesta']],
    [
      'appeal-filed-uip',
      { subjectName: ref.subjectName, folio: ref.folio, caseId: ref.caseId, ...staff, grounds: 'negativa', text: 'Reclamo.', decisionDueDate: '2026-04-20' },
      [ref.folio, 'Reclamo.', '2026-04-20', 'máxima autoridad'],
    ],
    ['appeal-decided', { ...ref, outcome: 'revocó la resolución recurrida', text: 'Debe entregarse.', complianceDueDate: '2026-04-27' }, ['revocó', 'Debe entregarse.', '2026-04-27', 'Art. 60']],
  ])('%s renders text and HTML with what the reader needs', (template, data, expected) => {
    const mail = renderMail(template, data);
    const whole = `${mail.subject}\n${mail.text}`;
    for (const piece of expected) expect(whole).toContain(piece);
    expect(mail.html).toContain('<!doctype html>');
    expect(mail.html).not.toContain('<López>');
  });

  it('says nothing about compliance when the decision confirms the resolution', () => {
    const mail = renderMail('appeal-decided', { ...ref, outcome: 'confirmó la resolución recurrida', text: 'Se confirma.', complianceDueDate: null });
    expect(mail.text).not.toContain('Art. 60');
  });
});
