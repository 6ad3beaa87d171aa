import { seal, unseal } from './secret-box';

describe('secret box', () => {
  it('round-trips and hides the value', () => {
    const sealed = seal('a'.repeat(32), 'ctx', { code: 'K7M9P2X4QR' });
    expect(JSON.stringify(sealed)).not.toContain('K7M9P2X4QR');
    expect(unseal('a'.repeat(32), 'ctx', sealed)).toEqual({ code: 'K7M9P2X4QR' });
  });

  it('fails under another secret or context', () => {
    const sealed = seal('a'.repeat(32), 'ctx', 1);
    expect(() => unseal('b'.repeat(32), 'ctx', sealed)).toThrow();
    expect(() => unseal('a'.repeat(32), 'other', sealed)).toThrow();
  });
});
