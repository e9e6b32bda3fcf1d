import { likePattern, searchTerms } from './search-text';

describe('keyword search helpers', () => {
  it.each([
    ['茅台', ['茅台']],
    ['  茅台酒   53度 ', ['茅台酒', '53度']],
    ['茅台，五粮液,汾酒\u3000西凤', ['茅台', '五粮液', '汾酒', '西凤']],
    ['ABC Def', ['abc', 'def']],
    ['a b c d e f g', ['a', 'b', 'c', 'd', 'e']],
    ['', []],
    [undefined, []],
  ])('splits %p into %p', (keyword, terms) => {
    expect(searchTerms(keyword)).toEqual(terms);
  });

  it.each([
    ['茅台', '%茅台%'],
    ['100%', '%100\\%%'],
    ['a_b', '%a\\_b%'],
    ['c:\\x', '%c:\\\\x%'],
  ])('escapes LIKE wildcards in %p', (term, pattern) => {
    expect(likePattern(term)).toBe(pattern);
  });
});
