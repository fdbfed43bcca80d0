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
import { exact, ZERO, type Exact } from './exact';
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
        // In hundredths, as integers: 0.56 × 200 in floating point is 112.00000000000001, and the engine counts exactly.
        const budget = Number(election.budget);
        const reaches = (cost: number) => 100 * cost >= percent * budget;
        const marked = election.projects.filter((project) => project.markers?.includes('gender'));
        const markedCost = costOf(election, marked.map((project) => project.id));
        // Feasible for sure: enough marked projects, and any one of them fits beside the reserve.
        const feasible = reaches(markedCost) && marked.every((project) => 100 * Number(project.cost) + percent * budget <= 100 * budget);
        for (const rule of rules) {
          const result = count(election, { rule, reservations: [{ marker: 'gender', share }] });
          const [report] = result.reservations;
          const spentOnMarked = costOf(election, result.selected.filter((id) => marked.some((project) => project.id === id)));
          expect(report.met).toBe(reaches(spentOnMarked));
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

/** Approval ballots given as project indexes, taken modulo the number of projects (ids "1", "2", …). */
function approvalElection(costs: number[], budget: number, ballots: number[][]): Election {
  return {
    budget,
    projects: costs.map((cost, index) => ({ id: String(index + 1), cost })),
    ballots: ballots.map((picks) => ({ kind: 'approval', projects: [...new Set(picks.map((pick) => String((pick % costs.length) + 1)))] })),
  };
}

function expectShortcutToMatchEveryIncrement(election: Election): void {
  const profile = compileProfile(election);
  const context = {
    profile,
    rank: tieBreakingRank(profile, 'id'),
    budget: profile.budget,
    available: new Uint8Array(profile.projectIds.length).fill(1),
    explain: false,
  };
  expect(equalSharesAdd1(context, true).selectionOrder).toEqual(equalSharesAdd1(context, false).selectionOrder);
}

describe('add1 shortcut', () => {
  test('skipping share increments that cannot change the outcome gives the outcome of every increment', () => {
    const arbitrary = fc.record({
      costs: fc.array(fc.integer({ min: 100, max: 5000 }), { minLength: 2, maxLength: 8 }),
      budget: fc.integer({ min: 1000, max: 20000 }),
      ballots: fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 40 }),
    });
    fc.assert(
      fc.property(arbitrary, ({ costs, budget, ballots }) => expectShortcutToMatchEveryIncrement(approvalElection(costs, budget, ballots))),
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
        const copied = ballots.flatMap(({ picks, copies }) => Array.from({ length: copies + 10 }, () => picks));
        expectShortcutToMatchEveryIncrement(approvalElection(costs, budget, copied));
      }),
      { numRuns: 60 },
    );
  });
});

/** MES with cost satisfaction, voter by voter in exact rationals, as RULES.md defines it. */
function definitionMes(costs: number[], ballots: number[][], share: Exact): number[] {
  const money = ballots.map(() => share);
  let remaining = costs.map((_, project) => project).filter((project) => ballots.some((ballot) => ballot.includes(project)));
  const order: number[] = [];
  for (;;) {
    let best: { project: number; payment: Exact; rho: Exact } | undefined;
    for (const project of remaining.slice()) {
      const cost = exact(costs[project]);
      const supporters = ballots.flatMap((ballot, voter) => (ballot.includes(project) ? [voter] : []));
      const total = supporters.reduce((sum, voter) => sum.add(money[voter]), ZERO);
      if (total.compare(cost) < 0) {
        remaining = remaining.filter((other) => other !== project);
        continue;
      }
      // The payment π with Σ min(money, π) = cost; ρ = π / cost.
      const held = supporters.map((voter) => money[voter]).sort((a, b) => a.compare(b));
      let capped = ZERO;
      let payment = ZERO;
      for (let index = 0; index < held.length; index += 1) {
        payment = cost.sub(capped).div(held.length - index);
        if (payment.compare(held[index]) <= 0) break;
        capped = capped.add(held[index]);
      }
      const rho = payment.div(cost);
      const comparison = best ? rho.compare(best.rho) : -1;
      if (!best || comparison < 0 || (comparison === 0 && String(project + 1) < String(best.project + 1))) best = { project, payment, rho };
    }
    if (!best) return order;
    const chosen = best;
    ballots.forEach((ballot, voter) => {
      if (ballot.includes(chosen.project)) money[voter] = money[voter].compare(chosen.payment) <= 0 ? ZERO : money[voter].sub(chosen.payment);
    });
    remaining = remaining.filter((project) => project !== chosen.project);
    order.push(chosen.project);
  }
}

function definitionAdd1(costs: number[], ballots: number[][], budget: number): number[] {
  let previous: number[] = [];
  for (let increments = 0; ; increments += 1) {
    const order = definitionMes(costs, ballots, exact(budget, ballots.length).add(exact(increments)));
    const spent = order.reduce((sum, project) => sum + costs[project], 0);
    if (spent > budget) return previous;
    const supported = costs.map((_, project) => project).filter((project) => ballots.some((ballot) => ballot.includes(project)));
    if (supported.every((project) => order.includes(project) || costs[project] > budget - spent)) return order;
    previous = order;
  }
}

describe('MES against its definition', () => {
  const arbitrary = fc.record({
    costs: fc.array(fc.integer({ min: 5, max: 400 }), { minLength: 2, maxLength: 10 }),
    budget: fc.integer({ min: 0, max: 1500 }),
    ballots: fc
      .array(fc.tuple(fc.array(fc.nat(), { maxLength: 5 }), fc.integer({ min: 1, max: 8 })), { minLength: 1, maxLength: 30 })
      .map((distinct) => distinct.flatMap(([ballot, copies]) => Array.from({ length: copies }, () => ballot))),
  });

  test('mes_cost and mes_cost_add1 select what a voter-by-voter exact count selects', () => {
    fc.assert(
      fc.property(arbitrary, ({ costs, budget, ballots }) => {
        const picks = ballots.map((ballot) => [...new Set(ballot.map((pick) => pick % costs.length))]);
        const election = approvalElection(costs, budget, picks);
        const ids = (order: number[]) => order.map((project) => String(project + 1));
        expect(count(election, { rule: 'mes_cost' }).selectionOrder).toEqual(ids(definitionMes(costs, picks, exact(budget, picks.length))));
        expect(count(election, { rule: 'mes_cost_add1' }).selectionOrder).toEqual(ids(definitionAdd1(costs, picks, budget)));
      }),
      {
        numRuns: 150,
        examples: [
          // Once bought a project that an estimate had found unaffordable (since fixed).
          [
            {
              costs: [241, 5, 371, 5, 5, 5, 5, 5, 5, 5],
              budget: 706,
              ballots: [
                ...Array.from({ length: 7 }, () => [690590482]),
                ...Array.from({ length: 6 }, () => [0]),
                ...Array.from({ length: 8 }, () => [1126315558]),
                ...Array.from({ length: 4 }, () => [750812365, 0, 2089080272]),
                ...Array.from({ length: 6 }, () => [0]),
                ...Array.from({ length: 8 }, () => [1335183005, 612206282, 430105048]),
                [0],
                ...Array.from({ length: 3 }, () => [1550365805, 773320498, 0]),
                ...Array.from({ length: 6 }, () => [1302043496, 1204557033]),
                ...Array.from({ length: 2 }, () => [0, 1362290035]),
              ],
            },
          ],
        ],
      },
    );
  });
});
