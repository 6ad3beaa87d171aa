import { safeReturnPath, signInPath } from './return-path';

describe('safeReturnPath (the sign-in\'s "volver")', () => {
  it.each([
    ['/personal', '/personal'],
    ['/personal/bandeja', '/personal/bandeja'],
    ['/personal/bandeja?estado=received&pagina=2', '/personal/bandeja?estado=received&pagina=2'],
    ['/personal/casos/0b6c5c9e-2f7b-4d3e-9a55-0d6f1c1e2a10', '/personal/casos/0b6c5c9e-2f7b-4d3e-9a55-0d6f1c1e2a10'],
    ['/personal/./bandeja', '/personal/bandeja'],
  ])('keeps %p as %p', (volver, expected) => {
    expect(safeReturnPath(volver)).toBe(expected);
  });

  it.each([
    undefined,
    '',
    ['/personal/bandeja'],
    'https://evil.example/personal',
    '//evil.example/personal',
    '/\\evil.example/personal',
    '\\\\evil.example',
    '/%2F%2Fevil.example',
    'javascript:alert(1)',
    '/personal/../solicitar',
    '/personal/%2e%2e/solicitar',
    '/personalidad',
    '/',
    '/solicitudes/VT-2026-K7M4-Q9XP',
    '/personal/entrar',
    '/personal/entrar?volver=https://evil.example',
    '/personal/salir',
    '/personal/bandeja\n',
    'personal/bandeja',
    `/personal/${'a'.repeat(2100)}`,
  ])('refuses %p (goes home)', (volver) => {
    expect(safeReturnPath(volver)).toBe('/personal');
  });
});

describe('signInPath', () => {
  it('carries the page asked for, and whether the session ran out', () => {
    expect(signInPath('/personal/bandeja?pagina=2')).toBe('/personal/entrar?volver=%2Fpersonal%2Fbandeja%3Fpagina%3D2');
    expect(signInPath('/personal', true)).toBe('/personal/entrar?caducada=1');
    expect(signInPath(undefined)).toBe('/personal/entrar');
    expect(signInPath('https://evil.example')).toBe('/personal/entrar');
  });
});
