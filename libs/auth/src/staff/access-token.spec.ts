import { tokenLifetimeSeconds } from './access-token';

describe('tokenLifetimeSeconds', () => {
  it.each([
    ['3600', 3600],
    ['45s', 45],
    ['30m', 1800],
    ['8h', 28800],
    ['8 hours', 28800],
    ['1d', 86400],
    ['2 days', 172800],
    ['15 Min', 900],
  ])('%s is %i seconds', (value, seconds) => {
    expect(tokenLifetimeSeconds(value)).toBe(seconds);
  });

  it.each(['', '0', '8x', 'h', '-5m', '1.5h', 'forever'])('refuses %p', (value) => {
    expect(() => tokenLifetimeSeconds(value)).toThrow(/JWT_EXPIRES_IN/);
  });
});
