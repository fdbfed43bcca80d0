import { main, parseArguments } from './cli';
import type { DecimalAmount, Election } from './election';
import { count, CountingError } from './index';
import { compareText } from './tie-breaking';

const approval = (budget: DecimalAmount, costs: Record<string, DecimalAmount>, ballots: string[][]): Election => ({
  budget,
  projects: Object.entries(costs).map(([id, cost]) => ({ id, cost })),
  ballots: ballots.map((projects) => ({ kind: 'approval', projects })),
});

describe('tie-breaking', () => {
  test('ids compare as text, by code point', () => {
    expect(compareText('10', '9')).toBeLessThan(0);
    expect(compareText('a', 'ab')).toBeLessThan(0);
    expect(compareText('\u{1F600}', '\uFFFF')).toBeGreaterThan(0);
  });

  test('id order picks "10" before "9"; cost-then-votes picks the cheaper project', () => {
    const election = approval(10, { '9': 5, '10': 10 }, [['9'], ['10']]);
    expect(count(election, { rule: 'greedy_cost' }).selectionOrder).toEqual(['10']);
    expect(count(election, { rule: 'greedy_cost', tieBreaking: 'cost-then-votes' }).selectionOrder).toEqual(['9']);
  });

  test('an exact MES tie that floats could misjudge is broken by the tie-breaking order', () => {
    // Both projects cost 1/3 of the budget per supporter group: ρ is exactly equal.
    const election = approval('0.3', { b: '0.1', a: '0.1' }, [['a'], ['b'], ['a'], ['b'], ['a'], ['b']]);
    expect(count(election, { rule: 'mes_cost' }).selectionOrder).toEqual(['a', 'b']);
  });
});

describe('greedy variants', () => {
  const election = approval(100, { a: 60, b: 50, c: 40 }, [['a'], ['a'], ['a'], ['b'], ['b'], ['c']]);
  test('skip-and-continue funds what still fits', () => {
    expect(count(election, { rule: 'greedy_support' }).selectionOrder).toEqual(['a', 'c']);
  });
  test('no-skip stops at the first project that does not fit', () => {
    expect(count(election, { rule: 'greedy_support', stopAtFirstMisfit: true }).selectionOrder).toEqual(['a']);
  });
  test('a minimum support leaves weaker projects out', () => {
    expect(count(election, { rule: 'greedy_support', minSupport: 2 }).selectionOrder).toEqual(['a']);
  });
  test('variants are refused by rules that are not greedy', () => {
    expect(() => count(election, { rule: 'mes_cost', minSupport: 2 })).toThrow(CountingError);
  });
});

describe('results', () => {
  const election = approval(100, { a: 60, b: 50, c: 40 }, [['a', 'c'], ['a'], ['b'], ['b', 'c'], []]);

  test('report support, spending and an MES trace when explained', () => {
    const result = count(election, { rule: 'mes_cost_add1_greedy', explain: true });
    expect(result.support.a).toEqual({ votes: 2 });
    expect(Number(result.spent)).toBeLessThanOrEqual(100);
    const add1 = result.trace?.find((entry) => entry.type === 'mes-add1');
    expect(add1).toMatchObject({ type: 'mes-add1', initialShare: '20' });
    const step = result.trace?.find((entry) => entry.type === 'mes');
    expect(step).toMatchObject({ type: 'mes', paidBySupporters: expect.any(String), rho: expect.any(String) });
  });

  test('an MES trace says, for each project it could not fund, what its supporters had left against its cost', () => {
    const result = count(election, { rule: 'mes_cost', explain: true });
    expect(result.selectionOrder).toEqual(['c']);
    expect(result.trace?.filter((entry) => entry.type === 'mes-unaffordable')).toEqual([
      { type: 'mes-unaffordable', project: 'a', supporters: 2, moneyLeft: '20', moneyLeftApprox: 20, cost: '60' },
      { type: 'mes-unaffordable', project: 'b', supporters: 2, moneyLeft: '20', moneyLeftApprox: 20, cost: '50' },
    ]);
  });

  test("a Phragmén trace says what was left of the budget when the rule stopped", () => {
    const result = count(election, { rule: 'phragmen', explain: true });
    expect(result.selectionOrder).toEqual(['c', 'b']);
    expect(result.trace?.at(-1)).toEqual({ type: 'phragmen-stop', project: 'a', reason: 'does-not-fit', remainingBudget: '10' });
  });

  test('a reservation reports what it required and what was spent on marked projects', () => {
    const marked: Election = { ...election, projects: election.projects.map((project) => ({ ...project, markers: project.id === 'c' ? ['youth'] : [] })) };
    const result = count(marked, { rule: 'greedy_cost', reservations: [{ marker: 'youth', share: 0.3 }] });
    expect(result.selectionOrder[0]).toBe('c');
    expect(result.reservations).toEqual([{ marker: 'youth', share: '0.3', required: '30', spent: '40', met: true }]);
    const impossible = count(marked, { rule: 'greedy_cost', reservations: [{ marker: 'youth', share: 0.5 }] });
    expect(impossible.reservations[0]).toMatchObject({ met: false, reason: 'not-enough-marked-projects' });
    expect(impossible.warnings).toEqual(['reservation for youth not met: not-enough-marked-projects']);
  });

  test('bad elections are refused', () => {
    expect(() => count(approval(10, { a: 0 }, []), { rule: 'greedy_cost' })).toThrow('non-positive cost');
    expect(() => count(approval(10, { a: 1 }, [['z']]), { rule: 'greedy_cost' })).toThrow('unknown project z');
  });
});

describe('command line', () => {
  test('parses rules, options and reservations', () => {
    expect(parseArguments(['f.pb', '--rule', 'greedy_cost', '--no-skip', '--min-support', '3', '--reserve', 'gender:0.3', '--explain'])).toMatchObject({
      file: 'f.pb',
      rule: 'greedy_cost',
      noSkip: true,
      minSupport: 3,
      reservations: [{ marker: 'gender', share: '0.3' }],
      explain: true,
    });
    expect(() => parseArguments(['f.pb', '--rule', 'nope'])).toThrow('unknown rule nope');
    expect(parseArguments(['f.pb']).rule).toBe('city');
    expect(() => parseArguments([])).toThrow('usage');
  });

  test('counts a file and prints JSON with the selected ids', async () => {
    const { mkdtempSync, writeFileSync } = await import('fs');
    const { tmpdir } = await import('os');
    const path = await import('path');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'count-cli-')), 'round.pb');
    writeFileSync(file, ['META', 'key;value', 'budget;100', 'vote_type;approval', 'rule;greedy-no-skip', 'PROJECTS', 'project_id;cost;markers', 'a;60;', 'b;50;youth', 'c;40;', 'VOTES', 'voter_id;vote', '1;a', '2;a', '3;b', '4;c'].join('\n'));
    expect(JSON.parse(await main([file, '--rule', 'city'])).selected).toEqual(['a']);
    // Without --rule the rule named in META is used.
    expect(JSON.parse(await main([file])).selected).toEqual(['a']);
    const reserved = JSON.parse(await main([file, '--rule', 'greedy_cost', '--reserve', 'youth:0.4']));
    expect(reserved.selectionOrder).toEqual(['b', 'c']);
    expect(reserved.reservations[0].met).toBe(true);
  });
});
