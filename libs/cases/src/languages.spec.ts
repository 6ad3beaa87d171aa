import { languageView, noticeLanguage } from './languages';

describe('requester languages', () => {
  it.each([
    ['cak', 'Kaqchikel'],
    ['kaq', 'Kaqchikel'],
    ['quc', "K'iche'"],
    ['mam', 'Mam'],
    ['kek', "Q'eqchi'"],
    ['cab', 'Garífuna'],
    ['xin', 'Xinka'],
    ['fr', 'fr'],
  ])('%s is %s', (code, name) => {
    expect(languageView(code)).toEqual({ code, name });
  });

  it('names no language in a notice for Spanish', () => {
    expect(noticeLanguage('es')).toBeNull();
    expect(noticeLanguage(undefined)).toBeNull();
    expect(noticeLanguage('KAQ')).toBe('Kaqchikel');
  });
});
