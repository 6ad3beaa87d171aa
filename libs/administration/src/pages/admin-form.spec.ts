import { pageOf, pager, PAGE_SIZE, sentence } from './admin-form';
import { decode } from './csv-upload.middleware';

describe('the admin pages’ small helpers', () => {
  it('reads ?pagina= as an offset, anything odd as page 1', () => {
    expect(pageOf('3')).toEqual({ page: 3, offset: 2 * PAGE_SIZE });
    for (const odd of [undefined, '', '0', '-2', '1.5', 'abc', '99999999']) expect(pageOf(odd)).toEqual({ page: 1, offset: 0 });
    expect(pageOf(['2', '3']).page).toBe(2);
  });

  it('links the previous and next pages keeping the filters, and none past the ends', () => {
    const middle = pager('/personal/admin/usuarios', { q: 'maría', rol: 'admin', sujeto: '' }, 2, 3 * PAGE_SIZE);
    expect(middle).toEqual({
      page: 2, pages: 3, total: 150,
      previous: '/personal/admin/usuarios?q=mar%C3%ADa&rol=admin',
      next: '/personal/admin/usuarios?q=mar%C3%ADa&rol=admin&pagina=3',
    });
    expect(pager('/x', {}, 1, 0)).toMatchObject({ pages: 1, previous: null, next: null });
  });

  it('turns a service detail into a sentence', () => {
    expect(sentence('no existe un sujeto obligado activo con el código X')).toBe('No existe un sujeto obligado activo con el código X.');
    expect(sentence('Ya existe.')).toBe('Ya existe.');
  });

  it('reads a CSV as UTF-8 (BOM dropped), or as Windows-1252 when it is not UTF-8', () => {
    expect(decode(Buffer.from('\ufeffcode,name\nX,Quiché\n', 'utf8'))).toEqual({ text: 'code,name\nX,Quiché\n', windows1252: false });
    // "Quiché – Peñas" as Excel saves it on a Spanish Windows: é = E9, – = 96 (not Latin-1), ñ = F1.
    const cp1252 = Buffer.from([...Buffer.from('X,Quich'), 0xe9, 0x20, 0x96, 0x20, ...Buffer.from('Pe'), 0xf1, ...Buffer.from('as')]);
    expect(decode(cp1252)).toEqual({ text: 'X,Quiché – Peñas', windows1252: true });
  });
});
