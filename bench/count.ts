/**
 * Counting benchmark: `npm run bench:count [-- --timeout <s>] [--file <part of name>]...
 * [--rule <rule>]... [--greedy-all]`.
 *
 * Counts the largest elections in the shared Pabulib folder with each rule that applies to their
 * ballots, each run in its own child process so that peak memory is per run, and prints one JSON
 * line per file and rule: file, rule, seconds (counting, after parsing), parse_seconds,
 * peak_rss_mb, selected (number of projects). `--file Budapest` and `--rule mes_cost_add1` (both
 * repeatable) narrow the set of files and rules. With --greedy-all it also times greedy_cost on
 * every file of the folder, in one process.
 */
import { spawnSync } from 'child_process';
import { readdirSync } from 'fs';
import path from 'path';
import { performance } from 'perf_hooks';
import { count, type RuleName } from '../plugins/participation/server/src/domain/counting/index';
import { parsePabulibFile } from '../plugins/participation/server/src/domain/pabulib/parse';

const pabulibDir = process.env.PABULIB_DIR ?? path.resolve(__dirname, '../../shared/pabulib');
const filesDir = path.join(pabulibDir, 'files');

const LARGEST = ['Poland_Warszawa_2026.pb', 'Poland_Lodz_2022.pb', 'Poland_Wroclaw_2015_150_-_500.pb', 'Hungary_Budapest_2024.pb'];

const RULES_BY_VOTE_TYPE: Record<string, RuleName[]> = {
  approval: ['greedy_cost', 'greedy_card', 'greedy_support', 'mes_cost', 'mes_card', 'mes_cost_add1', 'mes_cost_add1_greedy', 'phragmen'],
  cumulative: ['greedy_cost', 'greedy_points', 'greedy_support', 'mes_cost', 'mes_points'],
  ordinal: ['greedy_cost', 'greedy_borda', 'mes_cost', 'mes_borda'],
};
RULES_BY_VOTE_TYPE['choose-1'] = RULES_BY_VOTE_TYPE.approval;

async function timeOne(file: string, rule: RuleName): Promise<void> {
  const parseStart = performance.now();
  const parsed = await parsePabulibFile(path.join(filesDir, file));
  const countStart = performance.now();
  const result = count(parsed.election, { rule });
  const end = performance.now();
  process.stdout.write(
    `${JSON.stringify({
      file,
      rule,
      seconds: round((end - countStart) / 1000),
      parse_seconds: round((countStart - parseStart) / 1000),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      selected: result.selected.length,
    })}\n`,
  );
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

async function voteType(file: string): Promise<string> {
  return (await parsePabulibFile(path.join(filesDir, file))).voteType;
}

async function benchmarkLargest(timeoutSeconds: number, files: string[], rules: string[]): Promise<void> {
  for (const file of LARGEST.filter((name) => files.length === 0 || files.some((part) => name.includes(part)))) {
    for (const rule of RULES_BY_VOTE_TYPE[await voteType(file)].filter((name) => rules.length === 0 || rules.includes(name))) {
      const child = spawnSync(process.execPath, [...process.execArgv, __filename, '--child', file, rule], {
        encoding: 'utf8',
        timeout: timeoutSeconds * 1000,
        env: { ...process.env, PABULIB_DIR: pabulibDir },
      });
      if (child.status === 0) process.stdout.write(child.stdout);
      else {
        const outcome = child.error ? `timeout after ${timeoutSeconds} s` : child.stderr.trim().split('\n').pop();
        process.stdout.write(`${JSON.stringify({ file, rule, seconds: null, peak_rss_mb: null, error: outcome })}\n`);
      }
    }
  }
}

async function benchmarkGreedyEverywhere(): Promise<void> {
  for (const file of readdirSync(filesDir).filter((name) => name.endsWith('.pb')).sort()) {
    const parsed = await parsePabulibFile(path.join(filesDir, file));
    const start = performance.now();
    count(parsed.election, { rule: 'greedy_cost' });
    process.stdout.write(`${JSON.stringify({ file, rule: 'greedy_cost', seconds: round((performance.now() - start) / 1000) })}\n`);
  }
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === '--child') return timeOne(argv[1], argv[2] as RuleName);
  const timeoutIndex = argv.indexOf('--timeout');
  const values = (option: string) => argv.flatMap((arg, index) => (arg === option && index + 1 < argv.length ? [argv[index + 1]] : []));
  await benchmarkLargest(timeoutIndex >= 0 ? Number(argv[timeoutIndex + 1]) : 120, values('--file'), values('--rule'));
  if (argv.includes('--greedy-all')) await benchmarkGreedyEverywhere();
}

main(process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exitCode = 1;
});
