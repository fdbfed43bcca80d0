/**
 * Properties every rule must keep, on random small elections: never over budget, independent of
 * the order voters are listed in, reservations met whenever they can be, and a round exported to
 * a .pb file recounts to the same outcome.
 */
import fc from 'fast-check';
import { parsePabulibText } from '../pabulib/parse';
import { writePabulib } from '../pabulib/write';
import type { Ballot, Election } from './election';
import { equalSharesAdd1 } from './equal-shares';
import { count, RULE_NAMES, type RuleName } from './index';
import { compileProfile } from './profile';
import { tieBreakingRank } from './tie-breaking';

const APPROVAL_RULES: RuleName[] = RULE_NAMES.filter((rule) => !/points|borda/.test(rule));
const CUMULATIVE_RULES: RuleName[] = ['greedy_cost', 'greedy_points', 'greedy_support', 'mes_cost', 'mes_points', 'mes_cost_add1_greedy', 'phragmen'];
const ORDINAL_RULES: RuleName[] = ['greedy_cost', 'greedy_borda', 'greedy_support', 'mes_cost', 'mes_borda', 'mes_cost_add1'];

interface Case {
  election: Election;
  rules: RuleName[];
}

const projectsArbitrary = fc
  .array(fc.record({ cost: fc.integer({ min: 1, max: 60 }), gender: fc.boolean() }), { minLength: 1, maxLength: 7 })
  .map((projects) =>
    // Ids "1".."10" exercise text order ("10" < "2") in tie-breaking.
    projects.map((project, index) => ({ id: String(index + 1), cost: project.cost, markers: project.gender ? ['gender'] : [] })),
  );

const caseArbitrary: fc.Arbitrary<Case> = fc
  .record({
    projects: projectsArbitrary,
    budget: fc.integer({ min: 0, max: 200 }),
    kind: fc.constantFrom('approval', 'cumulative', 'ordinal'),
    seeds: fc.array(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 5 })), { maxLength: 4 }), { maxLength: 25 }),
  })
  .map(({ projects, budget, kind, seeds }) => {
    const ballots: Ballot[] = seeds.map((picks) => {
      const chosen = [...new Map(picks.map(([pick, points]) => [projects[pick % projects.length].id, points])).entries()];
      const ids = chosen.map(([id]) => id);
      if (kind === 'cumulative') return { kind, projects: ids, points: chosen.map(([, points]) => points) };
      if (kind === 'ordinal') return { kind, ranking: ids };
      return { kind: 'approval', projects: ids };
    });
    const rules = kind === 'approval' ? APPROVAL_RULES : kind === 'cumulative' ? CUMULATIVE_RULES : ORDINAL_RULES;
    return { election: { budget, projects, ballots }, rules };
  });

const costOf = (election: Election, ids: string[]) =>
  ids.reduce((sum, id) => sum + Number(election.projects.find((project) => project.id === id)?.cost), 0);

function shuffled<T>(items: T[], seed: number): T[] {
  const copy = items.slice();
  let state = seed || 1;
  for (let index = copy.length - 1; index > 0; index -= 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const other = state % (index + 1);
    [copy[index], copy[other]] = [copy[other], copy[index]];
  }
  return copy;
}

describe('properties of every rule', () => {
  test('never spends more than the budget', () => {
    fc.assert(
      fc.property(caseArbitrary, fc.constantFrom('id', 'cost-then-votes'), ({ election, rules }, tieBreaking) => {
        for (const rule of rules) {
          const result = count(election, { rule, tieBreaking: tieBreaking as 'id' | 'cost-then-votes' });
          expect(costOf(election, result.selected)).toBeLessThanOrEqual(Number(election.budget));
          expect(Number(result.spent)).toBe(costOf(election, result.selected));
        }
      }),
      { numRuns: 150 },
    );
  });

  test('the outcome does not depend on the order of the voters', () => {
    fc.assert(
      fc.property(caseArbitrary, fc.integer({ min: 1, max: 1_000_000 }), ({ election, rules }, seed) => {
        const reordered = { ...election, ballots: shuffled(election.ballots, seed) };
        for (const rule of rules) {
          expect(count(reordered, { rule }).selectionOrder).toEqual(count(election, { rule }).selectionOrder);
        }
      }),
      { numRuns: 150 },
    );
  });

  test('a reservation is met whenever the marked projects can fill it', () => {
    fc.assert(
      fc.property(caseArbitrary, fc.integer({ min: 0, max: 100 }), ({ election, rules }, percent) => {
        const share = percent / 100;
        const required = share * Number(election.budget);
        const marked = election.projects.filter((project) => project.markers?.includes('gender'));
        const markedCost = costOf(election, marked.map((project) => project.id));
        // Feasible for sure: enough marked projects, and any one of them fits beside the reserve.
        const feasible = markedCost >= required && marked.every((project) => Number(project.cost) + required <= Number(election.budget));
        for (const rule of rules) {
          const result = count(election, { rule, reservations: [{ marker: 'gender', share }] });
          const [report] = result.reservations;
          const spentOnMarked = costOf(election, result.selected.filter((id) => marked.some((project) => project.id === id)));
          expect(report.met).toBe(spentOnMarked >= required);
          if (feasible) expect(report.met).toBe(true);
          expect(costOf(election, result.selected)).toBeLessThanOrEqual(Number(election.budget));
        }
      }),
      { numRuns: 150 },
    );
  });

  test('recounting an exported .pb file gives the same outcome', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ election, rules }) => {
        const recounted = parsePabulibText(writePabulib(election)).election;
        for (const rule of rules) {
          expect(count(recounted, { rule }).selectionOrder).toEqual(count(election, { rule }).selectionOrder);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('add1 shortcut', () => {
  test('skipping share increments that cannot change the outcome gives the outcome of every increment', () => {
    const arbitrary = fc.record({
      costs: fc.array(fc.integer({ min: 100, max: 5000 }), { minLength: 2, maxLength: 8 }),
      budget: fc.integer({ min: 1000, max: 20000 }),
      ballots: fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 40 }),
    });
    fc.assert(
      fc.property(arbitrary, ({ costs, budget, ballots }) => {
        const election: Election = {
          budget,
          projects: costs.map((cost, index) => ({ id: String(index + 1), cost })),
          ballots: ballots.map((picks) => ({ kind: 'approval', projects: [...new Set(picks.map((pick) => String((pick % costs.length) + 1)))] })),
        };
        const profile = compileProfile(election);
        const context = {
          profile,
          rank: tieBreakingRank(profile, 'id'),
          budget: profile.budget,
          available: new Uint8Array(costs.length).fill(1),
          explain: false,
        };
        expect(equalSharesAdd1(context, true).selectionOrder).toEqual(equalSharesAdd1(context, false).selectionOrder);
      }),
      { numRuns: 80 },
    );
  });

  test('stretches of increments checked at their end give the outcome of every increment (long iterations)', () => {
    // Many voters per ballot and costs far above the starting share: add1 goes through hundreds
    // of increments, most of them inside stretches that repeat a run's outcome.
    const arbitrary = fc.record({
      costs: fc.array(fc.integer({ min: 2000, max: 40000 }), { minLength: 3, maxLength: 9 }),
      budget: fc.integer({ min: 20000, max: 120000 }),
      ballots: fc.array(fc.record({ picks: fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), copies: fc.integer({ min: 1, max: 12 }) }), {
        minLength: 3,
        maxLength: 14,
      }),
    });
    fc.assert(
      fc.property(arbitrary, ({ costs, budget, ballots }) => {
        const election: Election = {
          budget,
          projects: costs.map((cost, index) => ({ id: String(index + 1), cost })),
          ballots: ballots.flatMap(({ picks, copies }) =>
            Array.from({ length: copies + 10 }, () => ({
              kind: 'approval' as const,
              projects: [...new Set(picks.map((pick) => String((pick % costs.length) + 1)))],
            })),
          ),
        };
        const profile = compileProfile(election);
        const context = {
          profile,
          rank: tieBreakingRank(profile, 'id'),
          budget: profile.budget,
          available: new Uint8Array(costs.length).fill(1),
          explain: false,
        };
        expect(equalSharesAdd1(context, true).selectionOrder).toEqual(equalSharesAdd1(context, false).selectionOrder);
      }),
      { numRuns: 60 },
    );
  });
});
