/**
 * Reads Pabulib `.pb` files (META / PROJECTS / VOTES, semicolon separated) into an {@link Election}.
 * Files are streamed record by record. Errors name the line and field; ballots that break the
 * file's own limits (max_length, max_sum_cost, points sums, ...) are warnings and still counted.
 */
import { createReadStream } from 'fs';
import { commonScale, parseDecimal, toScaledInteger, type ParsedDecimal } from '../counting/decimal-amounts';
import type { Ballot, BallotLimits, Election, ElectionProject } from '../counting/election';
import { PabulibError, type PabulibWarning } from './pabulib-error';
import { RecordReader, type PabulibRecord } from './record-reader';
import { ballotKind, isBallotKind, type BallotKind, type PabulibVote } from '../voting/ballot-kinds';

/** A file's `vote_type` is one of the ballot kinds (voting/ballot-kinds/), which read their own votes. */
export type PabulibVoteType = BallotKind;

export interface PabulibProject extends ElectionProject {
  line: number;
  /** Every column of the project's row, by header name. */
  fields: Record<string, string>;
}

export interface PabulibFile {
  meta: Record<string, string>;
  voteType: PabulibVoteType;
  projects: PabulibProject[];
  election: Election;
  warnings: PabulibWarning[];
  /** Ids marked 1 in the `selected` column (the city's own outcome), or null without that column. */
  citySelected: string[] | null;
}

type Section = 'meta' | 'projects' | 'votes';
const SECTIONS: readonly Section[] = ['meta', 'projects', 'votes'];
const REQUIRED_COLUMNS: Record<Section, string[]> = {
  meta: [],
  projects: ['project_id', 'cost'],
  votes: ['voter_id', 'vote'],
};

export class PabulibParser {
  private section: Section | undefined;
  private header: Map<string, number> | undefined;
  private readonly seenSections = new Set<Section>();
  private readonly meta: Record<string, string> = {};
  private readonly metaLines: Record<string, number> = {};
  private voteType: PabulibVoteType = 'approval';
  private limits: BallotLimits = {};
  /** Points for each rank of an ordinal ballot, from META `points_per_position` (as this app writes it). */
  private pointsPerPosition: number[] | undefined;
  private maxTotalCost: ParsedDecimal | undefined;
  private readonly projects: PabulibProject[] = [];
  private readonly projectCost = new Map<string, ParsedDecimal>();
  private readonly ballots: Ballot[] = [];
  private readonly voterIds = new Set<string>();
  private readonly warnings: PabulibWarning[] = [];
  private lastLine = 0;

  accept(record: PabulibRecord): void {
    this.lastLine = record.line;
    const { fields } = record;
    if (fields.length === 1 && fields[0].trim() === '') return;
    const sectionName = fields[0].trim().toLowerCase() as Section;
    if (fields.length === 1 && SECTIONS.includes(sectionName)) {
      this.startSection(sectionName, record.line);
    } else if (!this.section) {
      throw new PabulibError(record.line, 'META', 'the file must start with the META section');
    } else if (!this.header) {
      this.readHeader(this.section, record);
    } else if (this.section === 'meta') {
      this.readMeta(record);
    } else if (this.section === 'projects') {
      this.readProject(record);
    } else {
      this.readVote(record);
    }
  }

  finish(): PabulibFile {
    const endLine = this.lastLine + 1;
    for (const section of SECTIONS) {
      if (!this.seenSections.has(section)) {
        throw new PabulibError(endLine, section.toUpperCase(), `section ${section.toUpperCase()} is missing`);
      }
    }
    this.checkDeclaredCount('num_votes', this.ballots.length);
    this.checkDeclaredCount('num_projects', this.projects.length);
    const hasSelectedColumn = this.projects.some((project) => 'selected' in project.fields);
    return {
      meta: this.meta,
      voteType: this.voteType,
      projects: this.projects,
      election: {
        budget: this.meta.budget,
        projects: this.projects.map(({ id, cost, name, markers }) => ({ id, cost, name, markers })),
        ballots: this.ballots,
        limits: this.limits,
        ...(this.pointsPerPosition ? { pointsPerPosition: this.pointsPerPosition } : {}),
      },
      warnings: this.warnings,
      citySelected: hasSelectedColumn
        ? this.projects.filter((project) => project.fields.selected === '1').map((project) => project.id)
        : null,
    };
  }

  private startSection(section: Section, line: number): void {
    if (this.seenSections.has(section)) {
      throw new PabulibError(line, section.toUpperCase(), `section ${section.toUpperCase()} appears twice`);
    }
    const expectedBefore = SECTIONS.slice(0, SECTIONS.indexOf(section));
    const missing = expectedBefore.find((earlier) => !this.seenSections.has(earlier));
    if (missing) {
      throw new PabulibError(line, missing.toUpperCase(), `section ${missing.toUpperCase()} is missing before ${section.toUpperCase()}`);
    }
    if (section === 'projects') this.validateMeta(line);
    this.seenSections.add(section);
    this.section = section;
    this.header = undefined;
  }

  private readHeader(section: Section, record: PabulibRecord): void {
    const header = new Map<string, number>();
    record.fields.forEach((name, index) => header.set(name.trim(), index));
    const required = [...REQUIRED_COLUMNS[section], ...(section === 'votes' ? ballotKind(this.voteType).pabulib.columns : [])];
    const missing = required.find((column) => !header.has(column));
    if (missing) throw new PabulibError(record.line, missing, `the ${section.toUpperCase()} header has no ${missing} column`);
    this.header = header;
  }

  /** A cell's trimmed value; empty and "none" cells are absent, as in the reference parser. */
  private cell(record: PabulibRecord, column: string): string | undefined {
    const index = this.header?.get(column);
    const value = index === undefined ? undefined : record.fields[index]?.trim();
    return value === undefined || value === '' || value.toLowerCase() === 'none' ? undefined : value;
  }

  private readMeta(record: PabulibRecord): void {
    const key = record.fields[0].trim();
    this.meta[key] = (record.fields[1] ?? '').trim();
    this.metaLines[key] = record.line;
  }

  private validateMeta(line: number): void {
    const voteType = this.meta.vote_type;
    if (voteType === undefined) throw new PabulibError(line, 'vote_type', 'META has no vote_type');
    if (!isBallotKind(voteType)) {
      throw new PabulibError(this.metaLines.vote_type, 'vote_type', `unsupported vote type ${voteType}`);
    }
    this.voteType = voteType;
    const budget = this.meta.budget === undefined ? undefined : parseDecimal(this.meta.budget);
    if (!budget || budget.mantissa < 0n) {
      throw new PabulibError(this.metaLines.budget ?? line, 'budget', `budget must be a non-negative amount, got ${this.meta.budget ?? 'nothing'}`);
    }
    this.limits = {
      minLength: this.metaNumber('min_length'),
      maxLength: this.metaNumber('max_length'),
      maxTotalCost: this.meta.max_sum_cost,
      minTotalPoints: this.metaNumber('min_sum_points'),
      maxTotalPoints: this.metaNumber('max_sum_points'),
    };
    const pointsPerPosition = this.meta.points_per_position;
    if (pointsPerPosition !== undefined && pointsPerPosition !== '') {
      this.pointsPerPosition = splitList(pointsPerPosition).map(Number);
      if (this.pointsPerPosition.some((points) => !Number.isInteger(points) || points < 0)) {
        throw new PabulibError(this.metaLines.points_per_position, 'points_per_position', 'points_per_position must be whole non-negative numbers, e.g. 3,2,1');
      }
    }
    if (this.meta.max_sum_cost !== undefined) {
      this.maxTotalCost = parseDecimal(this.meta.max_sum_cost);
      if (!this.maxTotalCost) throw new PabulibError(this.metaLines.max_sum_cost, 'max_sum_cost', 'max_sum_cost must be an amount');
    }
  }

  private metaNumber(key: string): number | undefined {
    const text = this.meta[key];
    if (text === undefined || text === '') return undefined;
    const value = Number(text.replace(',', '.'));
    if (!Number.isFinite(value)) throw new PabulibError(this.metaLines[key], key, `${key} must be a number, got ${text}`);
    return value;
  }

  private readProject(record: PabulibRecord): void {
    const id = this.cell(record, 'project_id');
    if (id === undefined) throw new PabulibError(record.line, 'project_id', 'a project needs an id');
    if (this.projectCost.has(id)) throw new PabulibError(record.line, 'project_id', `project ${id} is listed twice`);
    const costText = this.cell(record, 'cost');
    const cost = costText === undefined ? undefined : parseDecimal(costText);
    if (!cost || cost.mantissa <= 0n) {
      throw new PabulibError(record.line, 'cost', `project ${id} must have a positive cost, got ${costText ?? 'nothing'}`);
    }
    const fields: Record<string, string> = {};
    this.header?.forEach((index, column) => {
      fields[column] = (record.fields[index] ?? '').trim();
    });
    const markers = this.cell(record, 'markers');
    this.projects.push({
      id,
      cost: costText as string,
      name: this.cell(record, 'name'),
      markers: markers === undefined ? undefined : splitList(markers),
      line: record.line,
      fields,
    });
    this.projectCost.set(id, cost);
  }

  private readVote(record: PabulibRecord): void {
    const voterId = this.cell(record, 'voter_id');
    if (voterId === undefined) throw new PabulibError(record.line, 'voter_id', 'a vote needs a voter id');
    if (this.voterIds.has(voterId)) throw new PabulibError(record.line, 'voter_id', `voter ${voterId} voted twice`);
    this.voterIds.add(voterId);
    const projects = splitList(this.cell(record, 'vote') ?? '');
    for (const project of projects) {
      if (!this.projectCost.has(project)) throw new PabulibError(record.line, 'vote', `unknown project ${project}`);
    }
    const warn = (field: string, message: string) => this.warnings.push({ line: record.line, field, message });
    if (new Set(projects).size !== projects.length) warn('vote', `voter ${voterId} lists a project more than once`);
    this.checkLength(projects.length, warn);
    const vote: PabulibVote = {
      voterId,
      projects,
      points: () => this.readPoints(record, projects.length),
      warn,
      checkTotalCost: () => this.checkTotalCost(projects, warn),
      checkPointSum: (points) => this.checkPointSum(points, warn),
    };
    this.ballots.push(ballotKind(this.voteType).pabulib.read(vote));
  }

  private readPoints(record: PabulibRecord, count: number): number[] {
    const points = splitList(this.cell(record, 'points') ?? '').map(Number);
    if (points.length !== count) {
      throw new PabulibError(record.line, 'points', `${points.length} points for ${count} projects`);
    }
    if (points.some((value) => !Number.isInteger(value) || value < 0)) {
      throw new PabulibError(record.line, 'points', 'points must be whole non-negative numbers');
    }
    return points;
  }

  private checkLength(length: number, warn: (field: string, message: string) => void): void {
    const { minLength, maxLength } = this.limits;
    if (maxLength !== undefined && length > maxLength) warn('vote', `${length} projects, more than max_length ${maxLength}`);
    if (minLength !== undefined && length < minLength) warn('vote', `${length} projects, fewer than min_length ${minLength}`);
  }

  private checkPointSum(points: number[], warn: (field: string, message: string) => void): void {
    const total = points.reduce((sum, value) => sum + value, 0);
    const { minTotalPoints, maxTotalPoints } = this.limits;
    if (maxTotalPoints !== undefined && total > maxTotalPoints) warn('points', `${total} points, more than max_sum_points ${maxTotalPoints}`);
    if (minTotalPoints !== undefined && total < minTotalPoints) warn('points', `${total} points, fewer than min_sum_points ${minTotalPoints}`);
  }

  private checkTotalCost(projects: string[], warn: (field: string, message: string) => void): void {
    const limit = this.maxTotalCost;
    if (limit === undefined) return;
    const costs = projects.map((project) => this.projectCost.get(project) as ParsedDecimal);
    const scale = commonScale([limit, ...costs]);
    const total = costs.reduce((sum, cost) => sum + toScaledInteger(cost, scale), 0n);
    if (total > toScaledInteger(limit, scale)) warn('vote', `the projects cost more than max_sum_cost ${this.meta.max_sum_cost}`);
  }

  private checkDeclaredCount(key: string, actual: number): void {
    const declared = this.meta[key];
    if (declared !== undefined && Number(declared) !== actual) {
      this.warnings.push({ line: this.metaLines[key], field: key, message: `META says ${declared}, the file has ${actual}` });
    }
  }
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

export function parsePabulibText(text: string): PabulibFile {
  const parser = new PabulibParser();
  const reader = new RecordReader((record) => parser.accept(record));
  reader.push(text);
  reader.end();
  return parser.finish();
}

export async function parsePabulibFile(path: string): Promise<PabulibFile> {
  const parser = new PabulibParser();
  const reader = new RecordReader((record) => parser.accept(record));
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  for await (const chunk of stream) reader.push(chunk as string);
  reader.end();
  return parser.finish();
}
