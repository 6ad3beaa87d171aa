import helmet from 'helmet';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { CONTENT_SECURITY_POLICY, helmetHeaders } from './security-headers';

describe('security headers', () => {
  it('are exactly what helmet sets on an answer, computed once', () => {
    const req = new IncomingMessage(new Socket());
    const byHelmet = new ServerResponse(req);
    helmet({ contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY }, frameguard: { action: 'deny' }, strictTransportSecurity: false })(
      req,
      byHelmet,
      () => undefined,
    );
    const byList = new ServerResponse(req);
    for (const [name, value] of helmetHeaders(CONTENT_SECURITY_POLICY)) byList.setHeader(name, value);
    expect(byList.getHeaders()).toEqual(byHelmet.getHeaders());
    expect(byList.getHeader('x-content-type-options')).toBe('nosniff');
    expect(byList.getHeader('x-frame-options')).toBe('DENY');
    expect(byList.getHeader('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});
