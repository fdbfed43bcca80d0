import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { PabulibError } from './pabulib-error';
import { parsePabulibFile, parsePabulibText } from './parse';
import { writePabulib } from './write';

const SAMPLE = [
  'META',
  'key;value',
  'budget;100,5',
  'vote_type;approval',
  'max_length;2',
  'num_votes;3',
  'PROJECTS',
  'project_id;cost;votes;name;selected',
  '1;60;2;"Park; with ""quotes""";1',
  '2;40;2;Library;0',
  '3;50.5;1;Bench;1',
  'VOTES',
  'voter_id;vote;age',
  '10;1,2;30',
  '11;1,2,3;none',
  '12;;',
].join('\n');

function expectPabulibError(text: string, line: number, field: string): void {
  let caught: unknown;
  try {
    parsePabulibText(text);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(PabulibError);
  expect(caught).toMatchObject({ line, field });
  expect((caught as Error).message).toContain(`line ${line}, field ${field}`);
}

describe('parsePabulibText', () => {
  test('reads meta, projects with quoted fields, and every ballot including empty ones', () => {
    const file = parsePabulibText(SAMPLE);
    expect(file.meta.budget).toBe('100,5');
    expect(file.projects.map((project) => project.name)).toEqual(['Park; with "quotes"', 'Library', 'Bench']);
    expect(file.election.ballots).toEqual([
      { kind: 'approval', voterId: '10', projects: ['1', '2'] },
      { kind: 'approval', voterId: '11', projects: ['1', '2', '3'] },
      { kind: 'approval', voterId: '12', projects: [] },
    ]);
    expect(file.citySelected).toEqual(['1', '3']);
  });

  test('a ballot over the file limits is a warning with its line and is still counted', () => {
    const file = parsePabulibText(SAMPLE);
    expect(file.warnings).toEqual([{ line: 15, field: 'vote', message: '3 projects, more than max_length 2' }]);
    expect(file.election.ballots).toHaveLength(3);
  });

  test('handles a byte-order mark, Windows line ends and quoted line breaks', () => {
    const text = `\uFEFF${SAMPLE.replace('"Park; with ""quotes"""', '"Park\nNorth"')}`.replace(/\n(?!North)/g, '\r\n');
    const file = parsePabulibText(text);
    expect(file.projects[0].name).toBe('Park\nNorth');
    expect(file.projects[1].line).toBe(11);
    expect(file.election.ballots).toHaveLength(3);
  });

  test('reads cumulative points and rankings', () => {
    const cumulative = parsePabulibText(
      ['META', 'key;value', 'budget;10', 'vote_type;cumulative', 'PROJECTS', 'project_id;cost', 'a;5', 'b;5', 'VOTES', 'voter_id;vote;points', '1;a,b;3,0'].join('\n'),
    );
    expect(cumulative.election.ballots[0]).toEqual({ kind: 'cumulative', voterId: '1', projects: ['a', 'b'], points: [3, 0] });
    const ordinal = parsePabulibText(
      ['META', 'key;value', 'budget;10', 'vote_type;ordinal', 'PROJECTS', 'project_id;cost', 'a;5', 'b;5', 'VOTES', 'voter_id;vote', '1;b,a'].join('\n'),
    );
    expect(ordinal.election.ballots[0]).toEqual({ kind: 'ordinal', voterId: '1', ranking: ['b', 'a'] });
  });

  test('a missing section is an error naming the line and the section', () => {
    expectPabulibError(SAMPLE.split('\nVOTES')[0], 12, 'VOTES');
    expectPabulibError(SAMPLE.replace(/META\nkey;value\n(.*\n)*?PROJECTS/, 'PROJECTS'), 1, 'META');
  });

  test('a vote for an unknown project is an error naming the line and the vote field', () => {
    expectPabulibError(SAMPLE.replace('12;;', '12;7;'), 16, 'vote');
  });

  test('a non-positive or unreadable cost is an error naming the line and the cost field', () => {
    expectPabulibError(SAMPLE.replace('2;40;2', '2;0;2'), 10, 'cost');
    expectPabulibError(SAMPLE.replace('2;40;2', '2;-4;2'), 10, 'cost');
    expectPabulibError(SAMPLE.replace('2;40;2', '2;abc;2'), 10, 'cost');
  });

  test('a duplicate voter id or project id is an error naming the line and field', () => {
    expectPabulibError(SAMPLE.replace('12;;', '10;;'), 16, 'voter_id');
    expectPabulibError(SAMPLE.replace('3;50.5;1', '2;50.5;1'), 11, 'project_id');
  });

  test('points that do not match the projects are an error', () => {
    const text = ['META', 'key;value', 'budget;10', 'vote_type;cumulative', 'PROJECTS', 'project_id;cost', 'a;5', 'VOTES', 'voter_id;vote;points', '1;a;1,2'].join('\n');
    expectPabulibError(text, 10, 'points');
  });

  test('an unsupported vote type or a missing budget is an error', () => {
    expectPabulibError(SAMPLE.replace('vote_type;approval', 'vote_type;scoring'), 4, 'vote_type');
    expectPabulibError(SAMPLE.replace('budget;100,5\n', ''), 6, 'budget');
  });
});

describe('parsePabulibFile', () => {
  test('streams a file to the same result as parsing its text', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'pabulib-'));
    const filePath = path.join(directory, 'sample.pb');
    writeFileSync(filePath, SAMPLE);
    expect(await parsePabulibFile(filePath)).toEqual(parsePabulibText(SAMPLE));
  });
});

describe('writePabulib', () => {
  test('writes anonymised ballots that read back as the same election', () => {
    const file = parsePabulibText(SAMPLE);
    const written = parsePabulibText(writePabulib(file.election, { meta: file.meta, selected: ['1'] }));
    expect(written.election.ballots.map((ballot) => ballot.voterId)).toEqual(['1', '2', '3']);
    expect(written.election.projects).toEqual(file.election.projects);
    expect(written.citySelected).toEqual(['1']);
  });
});
