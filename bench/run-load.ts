import path from 'path';
import { spawn } from 'child_process';

export interface LoadResult {
  requests: number;
  per_s: number;
  p50_ms: number;
  p99_ms: number;
  p90_ms: number;
  max_ms: number;
  client_cpu_ms: number;
  statuses: Record<string, number>;
}

/** Runs bench/http-load.ts in its own process, so that the clients do not share the server's event loop. */
export const runLoad = (plan: { url: string; method: 'POST' | 'GET'; concurrency: number; seconds: number; warmupSeconds?: number; requests: unknown[] }) =>
  new Promise<LoadResult>((resolve, reject) => {
    const child = spawn(process.execPath, [require.resolve('tsx/cli'), path.join(__dirname, 'http-load.ts')], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(output.trim().split('\n').pop()!)) : reject(new Error(`load generator exited ${code}`)),
    );
    child.stdin.end(JSON.stringify(plan));
  });
