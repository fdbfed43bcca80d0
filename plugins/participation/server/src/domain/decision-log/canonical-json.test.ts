import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: true }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":true,"z":null}]},"b":1}');
  });

  it('gives the same text whatever order the keys were written in', () => {
    expect(canonicalJson({ sequence: 1, previousHash: 'p', decision: { kind: 'fund' } })).toBe(
      canonicalJson({ decision: { kind: 'fund' }, previousHash: 'p', sequence: 1 })
    );
  });

  it('sorts keys by UTF-16 code units, as RFC 8785 does', () => {
    // RFC 8785 §3.2.3: "\r" < "1" < "\u0080" < "ö" < "€" < "😀" < "\ufb33"
    const value = { '\ufb33': 0, '😀': 1, '€': 2, ö: 3, '\u0080': 4, '1': 5, '\r': 6 };
    expect(canonicalJson(value)).toBe('{"\\r":6,"1":5,"\u0080":4,"ö":3,"€":2,"😀":1,"\ufb33":0}');
  });

  it('writes strings and numbers as ECMAScript does (RFC 8785 §3.2.2)', () => {
    expect(canonicalJson(['Shkodër', 'a"b\\c\n', '\u0001', 1e21, 0.1, -0, 100])).toBe('["Shkodër","a\\"b\\\\c\\n","\\u0001",1e+21,0.1,0,100]');
  });

  it('leaves out properties holding undefined, like JSON.stringify', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
  });

  it.each([[NaN], [Infinity], [() => 1], [Symbol('s')], [10n]])('refuses %p, which JSON cannot carry', (value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });
});
