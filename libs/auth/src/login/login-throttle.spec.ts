import { LOGIN_LIMITS, loginCounterKeys, throttleVerdict } from './login-throttle';

describe('throttleVerdict', () => {
  const email = (count: number, pttlMs = 600_000) => ({ count, pttlMs, max: LOGIN_LIMITS.perEmail });
  const address = (count: number, pttlMs = 600_000) => ({ count, pttlMs, max: LOGIN_LIMITS.perAddress });

  it('allows up to the limit, this attempt included, and refuses the next', () => {
    expect(throttleVerdict([email(1), address(1)])).toEqual({ allowed: true });
    expect(throttleVerdict([email(10), address(10)])).toEqual({ allowed: true });
    expect(throttleVerdict([email(11), address(11)])).toEqual({ allowed: false, retryAfterSeconds: 600 });
  });

  it('refuses when either counter is over, and waits for the longest one', () => {
    expect(throttleVerdict([email(1), address(51, 30_000)])).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(throttleVerdict([email(12, 90_500), address(51, 30_000)])).toEqual({ allowed: false, retryAfterSeconds: 91 });
  });

  it.each([
    [1, 1], // under a second left: still wait one
    [-2, 1], // the counter just expired
    [-1, LOGIN_LIMITS.windowSeconds], // no expiry set (should not happen): a whole window
    [899_001, 900],
  ])('PTTL %i ms means Retry-After %i s', (pttlMs, seconds) => {
    expect(throttleVerdict([email(11, pttlMs)])).toEqual({ allowed: false, retryAfterSeconds: seconds });
  });
});

describe('loginCounterKeys', () => {
  it('counts an email the same however it is typed, without storing it', () => {
    const a = loginCounterKeys('Ana@MINFIN.gob.gt', '10.0.0.1');
    const b = loginCounterKeys(' ana@minfin.gob.gt ', '10.0.0.1');
    expect(a).toEqual(b);
    expect(a.email).not.toContain('ana');
    expect(loginCounterKeys('otra@minfin.gob.gt', '10.0.0.1').email).not.toBe(a.email);
  });

  it('treats IPv4-mapped IPv6 as the IPv4 address', () => {
    expect(loginCounterKeys('a@b.gt', '::ffff:127.0.0.1').address).toBe(loginCounterKeys('a@b.gt', '127.0.0.1').address);
    expect(loginCounterKeys('a@b.gt', '::1').address).toBe('auth:login-failures:address:::1');
  });
});
