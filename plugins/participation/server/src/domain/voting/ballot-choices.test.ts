import { checkBallotChoices } from './ballot-choices';
import type { BallotRules } from '../rounds/round-settings';

const projects = [
  { id: 'a', costMinor: '500000' },
  { id: 'b', costMinor: '300000' },
  { id: 'c', costMinor: '300000' },
];
const approval: BallotRules = { kind: 'approval', maxProjects: 2, maxCost: '700000', countingRule: 'greedy_cost', tieBreaking: 'id' };

describe('checkBallotChoices', () => {
  it('accepts a ballot within the limits', () => {
    expect(checkBallotChoices(approval, projects, { projects: ['b', 'c'] })).toEqual({ ok: true, ballot: { kind: 'approval', projects: ['b', 'c'] } });
  });

  it.each([
    [{ projects: ['a', 'b'] }, 'the chosen proposals cost 8000.00, more than 7000.00'],
    [{ projects: ['a', 'b', 'c'] }, 'choose at most 2'],
    [{ projects: ['x'] }, 'proposal x is not on this ballot'],
    [{ projects: ['b', 'b'] }, 'lists a proposal twice'],
    [{ projects: [] }, 'choose at least one proposal'],
    [{ ranking: ['a'] }, 'a approval ballot is given as { projects: … }'],
  ])('refuses %j: %s', (choices, message) => {
    expect(checkBallotChoices(approval, projects, choices)).toMatchObject({ ok: false, message });
  });

  it('checks cumulative points', () => {
    const rules: BallotRules = { kind: 'cumulative', totalPoints: 10, maxPointsPerProject: 6, countingRule: 'greedy_points', tieBreaking: 'id' };
    expect(checkBallotChoices(rules, projects, { points: { a: 6, b: 4 } })).toEqual({ ok: true, ballot: { kind: 'cumulative', projects: ['a', 'b'], points: [6, 4] } });
    expect(checkBallotChoices(rules, projects, { points: { a: 7 } })).toMatchObject({ message: 'at most 6 points per proposal' });
    expect(checkBallotChoices(rules, projects, { points: { a: 6, b: 5 } })).toMatchObject({ message: '11 points given, at most 10' });
    expect(checkBallotChoices(rules, projects, { points: { a: 0 } })).toMatchObject({ message: 'every listed proposal gets at least 1 point' });
  });

  it('checks choose-one and rankings', () => {
    const chooseOne: BallotRules = { kind: 'choose-1', countingRule: 'greedy_cost', tieBreaking: 'id' };
    expect(checkBallotChoices(chooseOne, projects, { projects: ['a', 'b'] })).toMatchObject({ message: 'choose exactly one proposal' });
    const ordinal: BallotRules = { kind: 'ordinal', maxProjects: 2, countingRule: 'mes_borda', tieBreaking: 'id' };
    expect(checkBallotChoices(ordinal, projects, { ranking: ['c', 'a'] })).toEqual({ ok: true, ballot: { kind: 'ordinal', ranking: ['c', 'a'] } });
  });
});
