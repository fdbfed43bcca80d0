import { csrf } from './csrf';

describe('csrf', () => {
  const tokens = csrf('app-key');
  it('accepts the token of its own binding only', () => {
    const binding = tokens.newBinding();
    expect(tokens.check(binding, tokens.tokenFor(binding))).toBe(true);
    expect(tokens.check(tokens.newBinding(), tokens.tokenFor(binding))).toBe(false);
    expect(csrf('other-key').check(binding, tokens.tokenFor(binding))).toBe(false);
  });
  it('refuses a missing binding or token', () => {
    expect(tokens.check(undefined, 'x')).toBe(false);
    expect(tokens.check('b', undefined)).toBe(false);
    expect(tokens.check('b', ['a'])).toBe(false);
  });
});
