import { bearerToken } from './staff-sessions';

describe('bearerToken', () => {
  it.each([
    ['Bearer abc.def.ghi', 'abc.def.ghi'],
    ['bearer abc.def-_ghi ', 'abc.def-_ghi'],
  ])('reads %p', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });

  it.each([undefined, '', 'Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'abc.def.ghi', 'Bearer a b'])('refuses %p', (header) => {
    expect(bearerToken(header)).toBeNull();
  });
});
