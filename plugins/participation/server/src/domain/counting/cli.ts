/**
 * Recounts a Pabulib file from the command line and prints the result as JSON.
 *
 *   npm run count -- <file.pb> [--rule <name>] [options]   (no --rule: the rule in the file's META)
 *
 * Rules: greedy_cost, greedy_card, greedy_points, greedy_borda, greedy_support, mes_cost, mes_card,
 * mes_points, mes_borda, mes_cost_add1, mes_cost_add1_greedy, phragmen, and `city` (the rule named
 * in the file's META, see pabulib/city-rule.ts). Options:
 *   --tie-breaking id|cost-then-votes   default id (ascending project id as text)
 *   --min-support <n>                   greedy rules: leave out projects with less support
 *   --no-skip                           greedy rules: stop at the first project that does not fit
 *   --points-per-position <a,b,...>     rankings: points for 1st, 2nd, ... place
 *   --marker-column <column>            PROJECTS column listing each project's markers (default markers)
 *   --reserve <marker>:<share>          reserve a share of the budget, e.g. gender:0.3 (repeatable)
 *   --explain                           add the trace
 *   --export <out.pb>                   also write the anonymised ballots as a .pb file
 */
import { writeFileSync } from 'fs';
import { cityCount } from '../pabulib/city-rule';
import { parsePabulibFile, type PabulibFile } from '../pabulib/parse';
import { writePabulib } from '../pabulib/write';
import { count, isRuleName, RULE_NAMES, TIE_BREAKINGS, type CountOptions, type Election, type Reservation, type TieBreaking } from './index';

interface CliArguments {
  file: string;
  rule: string;
  /** Without the flag: the file's META (a rule named there), else `id`. */
  tieBreaking?: TieBreaking;
  minSupport?: number;
  noSkip: boolean;
  pointsPerPosition?: number[];
  markerColumn: string;
  reservations: Reservation[];
  explain: boolean;
  exportPath?: string;
}

const USAGE = `usage: count <file.pb> [--rule <${[...RULE_NAMES, 'city'].join('|')}>] [--tie-breaking ${TIE_BREAKINGS.join('|')}] [--min-support n] [--no-skip] [--points-per-position a,b,...] [--marker-column column] [--reserve marker:share]... [--explain] [--export out.pb]`;

export function parseArguments(argv: string[]): CliArguments {
  const parsed: CliArguments = { file: '', rule: '', noSkip: false, markerColumn: 'markers', reservations: [], explain: false };
  const value = (index: number, flag: string) => {
    const next = argv[index + 1];
    if (next === undefined || next.startsWith('--')) throw new Error(`${flag} needs a value\n${USAGE}`);
    return next;
  };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    switch (argument) {
      case '--rule':
        parsed.rule = value(index++, argument);
        break;
      case '--tie-breaking': {
        const tieBreaking = value(index++, argument);
        if (!(TIE_BREAKINGS as readonly string[]).includes(tieBreaking)) throw new Error(`unknown tie-breaking ${tieBreaking}\n${USAGE}`);
        parsed.tieBreaking = tieBreaking as TieBreaking;
        break;
      }
      case '--min-support':
        parsed.minSupport = Number(value(index++, argument));
        if (!Number.isFinite(parsed.minSupport)) throw new Error('--min-support needs a number');
        break;
      case '--no-skip':
        parsed.noSkip = true;
        break;
      case '--points-per-position':
        parsed.pointsPerPosition = value(index++, argument).split(',').map(Number);
        break;
      case '--marker-column':
        parsed.markerColumn = value(index++, argument);
        break;
      case '--reserve': {
        const [marker, share] = value(index++, argument).split(':');
        if (!marker || share === undefined) throw new Error(`--reserve takes marker:share, e.g. gender:0.3\n${USAGE}`);
        parsed.reservations.push({ marker, share });
        break;
      }
      case '--explain':
        parsed.explain = true;
        break;
      case '--export':
        parsed.exportPath = value(index++, argument);
        break;
      default:
        if (argument.startsWith('--') || parsed.file) throw new Error(`unexpected argument ${argument}\n${USAGE}`);
        parsed.file = argument;
    }
  }
  if (!parsed.file) throw new Error(USAGE);
  // Without --rule, count by the rule the file's META names (as `--rule city`).
  if (!parsed.rule) parsed.rule = 'city';
  if (parsed.rule !== 'city' && !isRuleName(parsed.rule)) throw new Error(`unknown rule ${parsed.rule}\n${USAGE}`);
  return parsed;
}

function withMarkers(file: PabulibFile, column: string): Election {
  const projects = file.election.projects.map((project, index) => {
    const listed = file.projects[index].fields[column];
    return listed === undefined ? project : { ...project, markers: listed.split(',').map((marker) => marker.trim()).filter(Boolean) };
  });
  return { ...file.election, projects };
}

export async function main(argv: string[]): Promise<string> {
  const args = parseArguments(argv);
  const file = await parsePabulibFile(args.file);
  let election: Election = withMarkers(file, args.markerColumn);
  if (args.pointsPerPosition) election = { ...election, pointsPerPosition: args.pointsPerPosition };
  let options: CountOptions;
  if (args.rule === 'city') {
    const city = cityCount({ ...file, election });
    if (!city) throw new Error(`the file's rule "${file.meta.rule}" is not one the CLI can emulate`);
    election = city.election;
    options = city.options;
  } else {
    options = { rule: args.rule as CountOptions['rule'], minSupport: args.minSupport, stopAtFirstMisfit: args.noSkip };
  }
  const result = count(election, {
    ...options,
    tieBreaking: args.tieBreaking ?? options.tieBreaking,
    reservations: args.reservations.length > 0 ? args.reservations : options.reservations,
    explain: args.explain,
  });
  if (args.exportPath) writeFileSync(args.exportPath, writePabulib(election, { meta: file.meta, selected: result.selected }));
  const fileWarnings = file.warnings.map((warning) => `line ${warning.line}, field ${warning.field}: ${warning.message}`);
  return JSON.stringify({ file: args.file, ...result, warnings: [...fileWarnings, ...result.warnings] }, null, 2);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (output) => process.stdout.write(`${output}\n`),
    (error: Error) => {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
    },
  );
}
