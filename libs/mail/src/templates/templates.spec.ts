import { MAIL_TEMPLATES, MailTemplate, renderMail } from '.';

describe('mail templates', () => {
  it('renders the filing mail in Spanish, text and HTML, with the folio, code and due dates', () => {
    const mail = renderMail('request-filed', {
      requesterName: 'Ana <López>',
      folio: 'VT-26-ABCD-EFGH',
      accessCode: 'K7M9P2X4QR',
      followUrl: 'http://localhost:3000/solicitudes/VT-26-ABCD-EFGH',
      terms: { responseDays: 10, extensionDays: 10, fictaDays: 10, appealFilingDays: 15, appealDecisionDays: 5, complianceDays: 5 },
      cases: [{ subjectName: 'Ministerio de Finanzas Públicas', dueDate: '2026-12-07' }],
    });
    expect(mail.subject).toContain('VT-26-ABCD-EFGH');
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('K7M9P2X4QR');
      expect(part).toContain('2026-12-07');
    }
    expect(mail.html).toContain('Ana &lt;López&gt;');
    expect(mail.html).not.toContain('<López>');
  });

  it('refuses an unknown template', () => {
    expect(() => renderMail('nope', {})).toThrow(/desconocida/);
  });
});

describe('every template states the terms it is given', () => {
  // Terms no law sets, so a number written into a text by hand shows up.
  const terms = { responseDays: 7, extensionDays: 8, fictaDays: 9, appealFilingDays: 11, appealDecisionDays: 3, complianceDays: 4 };
  const staff = { subjectName: 'SAT', folio: 'VT-2026-ABCD-EFGH', caseId: 'c-1', caseUrl: 'https://v.gob.gt/personal/casos/c-1', language: null, terms };
  const requester = { requesterName: 'Ana', folio: staff.folio, caseId: 'c-1', subjectName: 'SAT', followUrl: 'https://v.gob.gt/solicitudes/VT-2026-ABCD-EFGH', terms };
  const line = { folio: 'F-1', caseId: 'c-1', termDueDate: '2026-12-07', caseUrl: staff.caseUrl };
  const data: Record<MailTemplate, Record<string, unknown>> = {
    'request-filed': { ...requester, accessCode: 'K7M9P2X4QRST', cases: [{ subjectName: 'SAT', dueDate: '2026-12-07' }] },
    'case-received': { ...staff, receivedOn: '2026-11-23', dueDate: '2026-12-07', description: 'Contratos' },
    'clarification-requested': { ...requester, text: 'Indique el año.' },
    'clarification-answered': { ...staff, text: '2025', termDueDate: '2026-12-07' },
    'case-extended': { ...requester, reason: 'Volumen', dueDate: '2026-12-07', extendedDueDate: '2026-12-17' },
    'case-resolved': { ...requester, outcome: 'entregada', text: 'Razones', classificationRef: null, resolvedOn: '2026-12-01', appealDeadline: '2026-12-16' },
    'case-transferred': { ...requester, toSubjectName: 'MINFIN', reason: 'Competencia', newDueDate: '2026-12-10' },
    'case-transferred-in': { ...staff, fromSubjectName: 'MINFIN', receivedOn: '2026-11-30', dueDate: '2026-12-10', reason: 'Competencia', description: 'Contratos' },
    'appeal-filed': { ...requester, grounds: 'negativa', decisionDueDate: '2026-12-04' },
    'appeal-filed-uip': { ...staff, grounds: 'negativa', text: 'Reclamo', decisionDueDate: '2026-12-04' },
    'appeal-decided': { ...requester, outcome: 'revocó', text: 'Entregue', complianceDueDate: '2026-12-10' },
    'term-reminder': { ...staff, termDueDate: '2026-12-07', businessDaysLeft: 2 },
    'extension-window': { ...staff, dueDate: '2026-12-07' },
    'case-overdue-uip': { ...staff, termDueDate: '2026-12-07', fictaDueDate: '2026-12-18' },
    'case-overdue-requester': { ...requester, termDueDate: '2026-12-07', fictaDueDate: '2026-12-18' },
    'ficta-expired-uip': { ...staff, fictaDueDate: '2026-12-18' },
    'ficta-expired-requester': { ...requester, fictaDueDate: '2026-12-18' },
    'appeal-overdue': { ...requester, appealDueDate: '2026-12-04' },
    'appeal-overdue-staff': { ...staff, appealDueDate: '2026-12-04' },
    'subject-digest': { subjectName: 'SAT', date: '2026-12-03', dueSoon: [line], dueSoonTotal: 1, overdue: [], overdueTotal: 0 },
    'pdh-digest': { from: '2026-12-02', to: '2026-12-03', cases: [], total: 0, unreachable: [], unreachableTotal: 0, statsUrl: 'https://v.gob.gt/estadisticas' },
  };
  const expected: Partial<Record<MailTemplate, string>> = {
    'request-filed': '7 días hábiles',
    'case-received': '7 días hábiles',
    'case-transferred-in': '7 días hábiles',
    'case-extended': '8 días hábiles',
    'extension-window': '8 días hábiles',
    'case-overdue-uip': '9 días hábiles',
    'case-overdue-requester': '11 días hábiles desde la resolución',
    'case-resolved': '11 días hábiles',
    'appeal-filed': '3 días hábiles',
    'appeal-filed-uip': '3 días hábiles',
    'appeal-overdue-staff': '3 días hábiles',
    'appeal-decided': '4 días hábiles',
  };

  it.each(Object.keys(MAIL_TEMPLATES) as MailTemplate[])('%s', (template) => {
    const mail = renderMail(template, data[template]);
    expect(mail.text).not.toMatch(/\b(10|15|5) días/);
    expect(mail.text).not.toContain('/api/v1/');
    if (expected[template]) expect(mail.text).toContain(expected[template]);
    // Links go to the web pages: the request's for the requester, the case's for the staff.
    if ('followUrl' in data[template]) expect(mail.text).toContain(requester.followUrl);
    if ('caseUrl' in data[template]) expect(mail.text).toContain(staff.caseUrl);
  });
});
