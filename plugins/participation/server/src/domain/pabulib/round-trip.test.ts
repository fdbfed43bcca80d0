import { count } from '../counting';
import type { Election } from '../counting/election';
import { cityCount } from './city-rule';
import { parsePabulibText } from './parse';
import { writePabulib } from './write';

/** A round's export keeps its rule (#11 item 29): the file read back counts as the round did. */
describe('.pb round trip', () => {
  const projects = [
    { id: 'a', cost: '60', name: 'Park', markers: ['gender'] },
    { id: 'b', cost: '50', name: 'Library', markers: [] },
    { id: 'c', cost: '40', name: 'Bench', markers: ['youth'] },
  ];

  it('keeps a ranking round’s points per rank and length limits, and counts the same by the rule in META', () => {
    const election: Election = {
      budget: '100',
      projects,
      ballots: [
        { kind: 'ordinal', ranking: ['a', 'c'] },
        { kind: 'ordinal', ranking: ['a', 'c'] },
        { kind: 'ordinal', ranking: ['b', 'c'] },
        { kind: 'ordinal', ranking: ['c', 'b'] },
      ],
      limits: { minLength: 1, maxLength: 2 },
      pointsPerPosition: [5, 1],
    };
    const options = { rule: 'greedy_borda', tieBreaking: 'cost-then-votes', reservations: [{ marker: 'youth', share: '0.3' }] } as const;
    const text = writePabulib(election, { meta: { rule: 'greedy_borda', tie_breaking: 'cost-then-votes', reservations: 'youth:0.3' } });
    expect(text).toMatch(/^min_length;1$/m);
    expect(text).toMatch(/^max_length;2$/m);
    expect(text).toMatch(/^points_per_position;5,1$/m);

    const file = parsePabulibText(text);
    expect(file.election.limits).toMatchObject({ minLength: 1, maxLength: 2 });
    expect(file.election.pointsPerPosition).toEqual([5, 1]);
    const replay = cityCount(file)!;
    expect(replay.options).toMatchObject(options);
    const original = count(election, { ...options, reservations: [...options.reservations] });
    expect(count(replay.election, replay.options).selectionOrder).toEqual(original.selectionOrder);
    expect(replay.election.pointsPerPosition).toEqual([5, 1]);
  });

  it('keeps a cumulative round’s points and point limits', () => {
    const election: Election = {
      budget: '100',
      projects,
      ballots: [
        { kind: 'cumulative', projects: ['a', 'b'], points: [3, 2] },
        { kind: 'cumulative', projects: ['c'], points: [5] },
      ],
      limits: { maxTotalPoints: 5, maxLength: 3 },
    };
    const file = parsePabulibText(writePabulib(election, { meta: { rule: 'greedy_points' } }));
    expect(file.election.ballots).toEqual([
      { kind: 'cumulative', voterId: '1', projects: ['a', 'b'], points: [3, 2] },
      { kind: 'cumulative', voterId: '2', projects: ['c'], points: [5] },
    ]);
    expect(file.election.limits).toMatchObject({ maxTotalPoints: 5, maxLength: 3 });
    expect(file.warnings).toEqual([]);
    const replay = cityCount(file)!;
    expect(count(replay.election, replay.options).selected).toEqual(count(election, { rule: 'greedy_points' }).selected);
  });
});
