import { renderMail } from '.';

describe('mail templates', () => {
  it('renders the filing mail in Spanish, text and HTML, with the folio, code and due dates', () => {
    const mail = renderMail('request-filed', {
      requesterName: 'Ana <López>',
      folio: 'VT-26-ABCD-EFGH',
      accessCode: 'K7M9P2X4QR',
      followUrl: 'http://localhost:3000/api/v1/requests/VT-26-ABCD-EFGH',
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
