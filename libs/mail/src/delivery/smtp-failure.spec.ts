import { classifySmtpError, retryDelayMs } from './smtp-failure';

const smtpError = (fields: Record<string, unknown>) => Object.assign(new Error(String(fields.message ?? 'falló')), fields);

describe('classifySmtpError', () => {
  it.each([
    ['recipient rejected (550 at RCPT TO)', { code: 'EENVELOPE', command: 'RCPT TO', responseCode: 550, response: '550 5.1.1 No such user' }, true],
    ['message rejected (554 at DATA)', { code: 'EMESSAGE', command: 'DATA', responseCode: 554, response: '554 Rejected' }, true],
    ['malformed recipient, refused before sending', { code: 'EENVELOPE', command: 'API', message: 'Invalid recipient "x"' }, true],
    ['connection refused', { code: 'ESOCKET', command: 'CONN', message: 'connect ECONNREFUSED 127.0.0.1:25' }, false],
    ['greeting never came', { code: 'ETIMEDOUT', command: 'CONN', message: 'Greeting never received' }, false],
    ['mailbox busy (450 at RCPT TO)', { code: 'EENVELOPE', command: 'RCPT TO', responseCode: 450, response: '450 Try later' }, false],
    ['sender refused (553 at MAIL FROM): our configuration', { code: 'EENVELOPE', command: 'MAIL FROM', responseCode: 553, response: '553 Sender' }, false],
    ['login refused (535): our configuration', { code: 'EAUTH', command: 'AUTH PLAIN', responseCode: 535, response: '535 Bad' }, false],
    ['not an SMTP error at all', {}, false],
  ])('%s', (_name, fields, permanent) => {
    const failure = classifySmtpError(smtpError(fields));
    expect(failure.permanent).toBe(permanent);
    expect(failure.reason.length).toBeGreaterThan(0);
  });

  it('keeps the server answer in the reason, on one line', () => {
    const failure = classifySmtpError(smtpError({ code: 'EENVELOPE', command: 'RCPT TO', responseCode: 550, response: '550 5.1.1\n  No such user' }));
    expect(failure.reason).toBe('EENVELOPE: 550 5.1.1 No such user');
  });
});

describe('retryDelayMs', () => {
  const exact = () => 1;
  it('doubles from 2 s and stops at the cap', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 600_000, exact))).toEqual([2000, 4000, 8000, 16000]);
    expect(retryDelayMs(12, 600_000, exact)).toBe(600_000);
    expect(retryDelayMs(10_000, 600_000, exact)).toBe(600_000);
    expect(retryDelayMs(3, 300, exact)).toBe(300);
  });
  it('jitters by at most a tenth, downwards', () => {
    expect(retryDelayMs(20, 1000, () => 0)).toBe(900);
  });
});
