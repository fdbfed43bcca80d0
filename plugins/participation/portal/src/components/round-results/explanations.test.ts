import { count, type Election, type Reservation, type RuleName } from '../../../../server/src/domain/counting';
import type { DistrictResult } from '../../../../shared/contracts/rounds';
import { translatorFor } from '../../i18n/translator';
import { explainDistrict, explainReservation } from './explanations';

const en = translatorFor('en');
const COSTS: Record<string, string> = { a: '60000', b: '50000', c: '40000', d: '150000', e: '10000' };

/** A district result as the round's count stores it, from the engine's own trace. */
const counted = (rule: RuleName, ballots: string[][], options: { minSupport?: number; stopAtFirstMisfit?: boolean; reservations?: Reservation[] } = {}, markers: Record<string, string[]> = {}): DistrictResult => {
  const election: Election = {
    budget: '100000',
    projects: Object.entries(COSTS).map(([id, cost]) => ({ id, cost, markers: markers[id] ?? [] })),
    ballots: ballots.map((projects) => ({ kind: 'approval', projects })),
  };
  const { budget, spent, selected, selectionOrder, support, reservations, trace = [], warnings } = count(election, { rule, explain: true, ...options });
  return { districtCode: '', ballots: ballots.length, budget, spent, selected, selectionOrder, support, reservations, trace, warnings };
};

/** Intl puts no-break spaces in amounts ("ALL\u00a060,000"): compared as plain spaces. */
const plain = (text = '') => text.replace(/\s/g, ' ');
const explain = (district: DistrictResult, rule: RuleName, minSupport?: number) =>
  new Map([...explainDistrict(district, COSTS, { rule, minSupport, currency: 'ALL' }, en)].map(([id, words]) => [id, plain(words)]));

// a, b and c are wanted; d costs more than the budget; nobody wants e.
const BALLOTS = [['a', 'c'], ['a'], ['a', 'd'], ['b'], ['b', 'c'], ['d']];

describe('explanations of a count', () => {
  it('greedy: what each selected project left, what was left when a project did not fit', () => {
    const words = explain(counted('greedy_support', BALLOTS), 'greedy_support');
    expect(words.get('a')).toBe('When its turn came it fitted in the budget: it cost ALL 60,000, and ALL 40,000 was left after it.');
    expect(words.get('b')).toBe('When its turn came, ALL 40,000 was left; it needed ALL 50,000.');
    expect(words.get('c')).toBe('When its turn came it fitted in the budget: it cost ALL 40,000, and ALL 0 was left after it.');
    expect(words.get('d')).toBe('It costs ALL 150,000, more than all the money to share (ALL 100,000).');
    expect(words.get('e')).toBe('Nobody voted for it.');
  });

  it('greedy variants: below the minimum support, and the count ending at the first misfit', () => {
    const threshold = explain(counted('greedy_support', BALLOTS, { minSupport: 3 }), 'greedy_support', 3);
    expect(threshold.get('b')).toBe('Its support (2) was below the minimum of 3 needed to be funded.');
    const noSkip = explain(counted('greedy_support', BALLOTS, { stopAtFirstMisfit: true }), 'greedy_support');
    expect(noSkip.get('b')).toBe('When its turn came, ALL 40,000 was left and it needed ALL 50,000; the count ends at the first project that does not fit.');
    expect(noSkip.get('c')).toBe('The count stopped before its turn came.');
  });

  it("MES: who paid for a funded project, and what an unfunded project's supporters had left against its cost", () => {
    // Five voters with 20,000 each: a's three supporters pay it all; c's supporter who also backed a has nothing left.
    const district = counted('mes_cost', [['a', 'c'], ['a'], ['a'], ['b'], ['b', 'c']]);
    const words = explain(district, 'mes_cost');
    expect(district.selected).toEqual(['a']);
    expect(words.get('a')).toBe('Its 3 supporters paid its cost of ALL 60,000 from their equal shares of the budget.');
    expect(words.get('b')).toBe('Its 2 supporters had ALL 40,000 left when it came up; it needed ALL 50,000.');
    expect(words.get('c')).toBe('Its 2 supporters had ALL 20,000 left when it came up; it needed ALL 40,000.');
    // 33,333.33 each is shown rounded down, never up to an amount the supporters did not have.
    expect(explain(counted('mes_cost', BALLOTS), 'mes_cost').get('b')).toBe('Its 2 supporters had ALL 33,333 left when it came up; it needed ALL 50,000.');
  });

  it('MES with completion: the equal shares, then what the leftover could not pay', () => {
    const words = explain(counted('mes_cost_add1_greedy', BALLOTS), 'mes_cost_add1_greedy');
    // add1 raised every voter's share until the next raise would overspend: b's supporters then had 49,999.33.
    expect(words.get('b')).toBe(
      'Its 2 supporters had ALL 49,999 left when it came up; it needed ALL 50,000. Of the money left over after the equal shares, ALL 40,000 remained when its turn came; it needed ALL 50,000.'
    );
    expect(words.get('c')).toBe('It was funded from the money left over after the equal shares: it cost ALL 40,000, and ALL 0 was left after it.');
  });

  it('Phragmén: the load each supporter carried, and where the count stopped', () => {
    const district = counted('phragmen', BALLOTS);
    const words = explain(district, 'phragmen');
    expect(district.selectionOrder).toEqual(['a']);
    expect(words.get('a')).toBe('Its 3 supporters shared its cost of ALL 60,000, so that each of them had then carried ALL 20,000 of spending in all.');
    expect(words.get('b')).toBe('It was next in line, but ALL 40,000 was left and it needed ALL 50,000, so the count stopped.');
    expect(words.get('c')).toBe('The count stopped before its turn came.');
  });

  it('reserved shares: met within the reservation, or not met and why', () => {
    const district = counted('greedy_support', BALLOTS, { reservations: [{ marker: 'youth', share: '0.3' }, { marker: 'gender', share: '0.5' }] }, { b: ['youth'], e: ['gender'] });
    const words = explain(district, 'greedy_support');
    expect(words.get('b')).toBe('When its turn came it fitted in the budget: it cost ALL 50,000, and ALL 50,000 was left after it. It was chosen within the share reserved for projects for young people.');
    expect(plain(explainReservation(district.reservations[0], 'ALL', en))).toBe('Projects for young people: at least 30% of the money (ALL 30,000) was reserved for them, and they received ALL 50,000. The share was met.');
    expect(plain(explainReservation(district.reservations[1], 'ALL', en))).toBe(
      'Projects that advance gender equality: at least 50% of the money (ALL 50,000) was reserved for them, and they received ALL 10,000. The share was not met: these projects together cost less than the reserved amount.'
    );
  });

  it('speaks the page language', () => {
    const words = explainDistrict(counted('mes_cost', BALLOTS), COSTS, { rule: 'mes_cost', currency: 'ALL' }, translatorFor('sq'));
    expect(plain(words.get('b'))).toBe('Kur i erdhi radha, 2 mbështetësve të tij u kishin mbetur 33 333 Lekë; i duheshin 50 000 Lekë.');
  });
});
