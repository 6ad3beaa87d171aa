import { LAW_TERMS } from '@ventanilla/calendar';
import { renderMail } from '@ventanilla/mail';

const terms = LAW_TERMS;
const ref = { subjectName: 'Ministerio de Finanzas Públicas', folio: 'VT-2026-ABCD-EFGH', caseId: 'c-1', caseUrl: 'http://localhost:3000/personal/casos/c-1', language: null, terms };
const requester = { requesterName: 'Ana <López>', folio: ref.folio, subjectName: ref.subjectName, followUrl: 'http://localhost:3000/solicitudes/VT-2026-ABCD-EFGH', terms };

describe('watch mail templates', () => {
  it.each<[string, Record<string, unknown>, RegExp, string[]]>([
    ['term-reminder', { ...ref, termDueDate: '2026-12-07', businessDaysLeft: 3 }, /vence el 2026-12-07/, ['quedan 3 día(s) hábil(es)']],
    ['term-reminder', { ...ref, termDueDate: '2026-12-07', businessDaysLeft: 0 }, /vence el 2026-12-07/, ['último día hábil']],
    ['extension-window', { ...ref, dueDate: '2026-12-07' }, /prórroga/, ['Art. 43']],
    ['case-overdue-uip', { ...ref, termDueDate: '2026-12-07', fictaDueDate: '2026-12-21' }, /vencida sin respuesta/, ['2026-12-21', 'Art. 66']],
    ['case-overdue-requester', { ...requester, termDueDate: '2026-12-07', fictaDueDate: '2026-12-21' }, /no respondió a tiempo/, ['afirmativa ficta', 'en cualquier momento un recurso de revisión', '15 días hábiles desde la resolución']],
    ['appeal-overdue-staff', { ...ref, appealDueDate: '2026-12-14' }, /recurso de revisión/, ['Art. 58', '2026-12-14', ref.caseUrl]],
    ['ficta-expired-uip', { ...ref, fictaDueDate: '2026-12-21' }, /afirmativa ficta/, ['2026-12-21']],
    ['ficta-expired-requester', { ...requester, fictaDueDate: '2026-12-21' }, /afirmativa ficta/, ['Procuraduría']],
    ['appeal-overdue', { ...requester, appealDueDate: '2026-12-14' }, /recurso de revisión/, ['Art. 58', '2026-12-14']],
    [
      'subject-digest',
      { subjectName: ref.subjectName, date: '2026-12-03', dueSoon: [{ folio: 'F-1', caseId: 'c-1', termDueDate: '2026-12-07', caseUrl: ref.caseUrl }], dueSoonTotal: 3, overdue: [], overdueTotal: 0 },
      /3 por vencer, 0 vencida/,
      ['F-1', '… y 2 más', 'No hay solicitudes vencidas.'],
    ],
    [
      'pdh-digest',
      { from: '2026-12-07', to: '2026-12-08', cases: [{ folio: 'F-2', caseId: 'c-2', termDueDate: '2026-12-07', subjectName: 'SAT' }], total: 1, unreachable: [{ code: 'MUNI-0101', name: 'Municipalidad de Guatemala' }], unreachableTotal: 2, statsUrl: 'http://localhost:3000/estadisticas' },
      /1 solicitud\(es\) vencida.*2 sujeto\(s\) sin UIP registrada/,
      ['SAT: F-2', 'Municipalidad de Guatemala (MUNI-0101): sin UIP registrada', '… y 1 más'],
    ],
  ])('%s renders Spanish text and HTML', (template, data, subject, texts) => {
    const mail = renderMail(template, data);
    expect(mail.subject).toMatch(subject);
    for (const text of texts) expect(mail.text).toContain(text);
    expect(mail.html).toContain('<!doctype html>');
    expect(mail.html).not.toContain('<López>');
  });
});
