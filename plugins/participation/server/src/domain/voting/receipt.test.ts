import { newReceiptCode, parseReceipt, receiptCheck, receiptFor } from './receipt';
import { canonicalJson } from '../decision-log/canonical-json';

const ballot = { roundDocumentId: 'round-1', districtCode: '', code: newReceiptCode(), channel: 'online', choices: { kind: 'approval', projects: ['a', 'b'] } };

describe('receipts', () => {
  it('commit to the ballot as cast, whatever order the stored JSON keeps its keys in', () => {
    const receipt = receiptFor(ballot);
    expect(receipt).toMatch(/^([A-Z2-9]{4}-){5}[A-Z2-9]{4}$/);
    expect(parseReceipt(` ${receipt.toLowerCase()} `)).toEqual({ code: ballot.code, check: receiptCheck(ballot) });
    expect(receiptCheck({ ...ballot, choices: { projects: ['a', 'b'], kind: 'approval' } })).toBe(receiptCheck(ballot));
    expect(canonicalJson({ b: { d: 1, c: [2, { f: 3, e: null }] }, a: 'x' })).toBe('{"a":"x","b":{"c":[2,{"e":null,"f":3}],"d":1}}');
  });

  it('no longer match when anything of the ballot changes', () => {
    const check = receiptCheck(ballot);
    for (const changed of [
      { ...ballot, choices: { kind: 'approval', projects: ['b', 'a'] } },
      { ...ballot, channel: 'paper' },
      { ...ballot, districtCode: 'D1' },
      { ...ballot, roundDocumentId: 'round-2' },
      { ...ballot, code: newReceiptCode() },
    ]) {
      expect(receiptCheck(changed)).not.toBe(check);
    }
  });

  it('refuse what is not a receipt', () => {
    expect(parseReceipt(ballot.code)).toBeNull();
    expect(parseReceipt(`${ballot.code}-AAAA-AAAA-AAA1`)).toBeNull();
  });
});
