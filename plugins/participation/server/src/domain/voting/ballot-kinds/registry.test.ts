import { count, RULE_NAMES, type Election } from '../../counting';
import { compileProfile } from '../../counting/profile';
import { parsePabulibText } from '../../pabulib/parse';
import { writePabulib } from '../../pabulib/write';
import { ballotRulesSchema } from '../../rounds/round-settings';
import { checkBallotChoices, type BallotChoices } from '../ballot-choices';
import { BALLOT_KIND_DEFINITIONS, BALLOT_KINDS, ballotKind, listedProjects, type Ballot, type BallotKind } from '.';

/** One valid round, voter's choices and resulting ballot per kind: a kind added without one fails here. */
const EXAMPLES: Record<BallotKind, { rules: Record<string, unknown>; choices: BallotChoices; ballot: Ballot }> = {
  approval: {
    rules: { kind: 'approval', countingRule: 'greedy_cost' },
    choices: { projects: ['b', 'a'] },
    ballot: { kind: 'approval', projects: ['b', 'a'] },
  },
  'choose-1': {
    rules: { kind: 'choose-1', countingRule: 'greedy_card' },
    choices: { projects: ['c'] },
    ballot: { kind: 'choose-1', projects: ['c'] },
  },
  cumulative: {
    rules: { kind: 'cumulative', totalPoints: 5, countingRule: 'greedy_points' },
    choices: { points: { a: 3, c: 2 } },
    ballot: { kind: 'cumulative', projects: ['a', 'c'], points: [3, 2] },
  },
  ordinal: {
    rules: { kind: 'ordinal', countingRule: 'mes_borda' },
    choices: { ranking: ['c', 'a', 'b'] },
    ballot: { kind: 'ordinal', ranking: ['c', 'a', 'b'] },
  },
};

const projects = [
  { id: 'a', costMinor: '100' },
  { id: 'b', costMinor: '200' },
  { id: 'c', costMinor: '300' },
];
const election = (ballots: Ballot[]): Election => ({
  budget: '10',
  projects: projects.map((project) => ({ id: project.id, cost: String(Number(project.costMinor) / 100) })),
  ballots,
});

describe('the ballot-kind registry', () => {
  it('lists every kind once, in registry order, each with an example here', () => {
    expect(BALLOT_KINDS).toEqual(BALLOT_KIND_DEFINITIONS.map((definition) => definition.kind));
    expect(new Set(BALLOT_KINDS).size).toBe(BALLOT_KINDS.length);
    expect(Object.keys(EXAMPLES).sort()).toEqual([...BALLOT_KINDS].sort());
  });

  it('names only counting rules the engine has', () => {
    for (const kind of BALLOT_KINDS) {
      expect(ballotKind(kind).countingRules.filter((rule) => !(RULE_NAMES as readonly string[]).includes(rule))).toEqual([]);
    }
  });

  it.each(BALLOT_KINDS)('%s: rules accepted, choices checked into the ballot, listed in the voter\'s order', (kind) => {
    const example = EXAMPLES[kind];
    const rules = ballotRulesSchema.parse(example.rules);
    expect(checkBallotChoices(rules, projects, example.choices)).toEqual({ ok: true, ballot: example.ballot });
    expect(listedProjects(example.ballot)).toEqual(ballotKind(kind).chosen(example.choices));
  });

  it.each(BALLOT_KINDS)('%s: refused in another kind\'s shape, naming the shape it takes', (kind) => {
    const rules = ballotRulesSchema.parse(EXAMPLES[kind].rules);
    const key = ballotKind(kind).choices.key;
    const other = BALLOT_KINDS.map((name) => EXAMPLES[name].choices).find((choices) => !(key in choices))!;
    expect(checkBallotChoices(rules, projects, other)).toEqual({ ok: false, field: 'choices', message: `a ${kind} ballot is given as { ${key}: … }` });
  });

  it.each(BALLOT_KINDS)('%s: a .pb file written and read back holds the same ballots', (kind) => {
    const { ballot } = EXAMPLES[kind];
    const file = parsePabulibText(writePabulib(election([ballot, ballot])));
    expect(file.voteType).toBe(kind);
    expect(file.warnings).toEqual([]);
    expect(file.election.ballots).toEqual([ballot, ballot].map((written, index) => ({ ...written, voterId: String(index + 1) })));
  });

  it.each(BALLOT_KINDS)('%s: identical ballots count as one class, with the kind\'s meaning of entry values', (kind) => {
    const { ballot } = EXAMPLES[kind];
    const profile = compileProfile(election([ballot, ballot]));
    expect(profile.classCount).toBe(1);
    expect(profile.classWeight[0]).toBe(2);
    expect(profile.entryValues).toBe(ballotKind(kind).counting.values);
    expect([...profile.entryProject].map((project) => profile.projectIds[project]).sort()).toEqual([...listedProjects(ballot)].sort());
  });

  it('normalises repeats as each kind defines: sets drop them, points keep the last, rankings the first place', () => {
    const indexOf = new Map([['a', 0], ['b', 1], ['c', 2]]);
    expect(ballotKind('approval').counting.normalise({ kind: 'approval', projects: ['c', 'a', 'c'] }, indexOf)).toEqual({ projects: [0, 2], values: [0, 0] });
    expect(ballotKind('cumulative').counting.normalise({ kind: 'cumulative', projects: ['c', 'a', 'c'], points: [1, 2, 4] }, indexOf)).toEqual({ projects: [0, 2], values: [2, 4] });
    expect(ballotKind('ordinal').counting.normalise({ kind: 'ordinal', ranking: ['c', 'a', 'c', 'b'] }, indexOf)).toEqual({ projects: [2, 0, 1], values: [0, 1, 2] });
  });

  it('counts approval and choose-1 ballots together, and refuses to mix kinds whose entries mean different things', () => {
    const mixedSets = election([EXAMPLES.approval.ballot, EXAMPLES['choose-1'].ballot]);
    expect(count(mixedSets, { rule: 'greedy_card' }).support).toMatchObject({ a: { votes: 1 }, b: { votes: 1 }, c: { votes: 1 } });
    expect(() => compileProfile(election([EXAMPLES.approval.ballot, EXAMPLES.cumulative.ballot]))).toThrow(
      'ballots of different kinds cannot be counted together: approval, cumulative',
    );
  });
});
