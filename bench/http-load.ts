/**
 * A load generator in its own process (so it does not share the server's event loop): `concurrency`
 * clients each send requests back to back for `seconds` over kept-alive connections. Input on stdin as
 * JSON; prints one JSON line. It uses node:http rather than fetch, which costs about twice the CPU per
 * request: on a two-core machine the clients' CPU is taken from the server being measured.
 */
import http from 'http';

interface LoadPlan {
  url: string;
  method: 'POST' | 'GET';
  concurrency: number;
  seconds: number;
  /** Seconds of the same load sent first and not counted: the server's code paths compiled and its caches filled, as in service. */
  warmupSeconds?: number;
  /**
   * One request per entry, taken in turn; each has its own headers and body: JSON, or a string sent as an
   * HTML form would send it (`application/x-www-form-urlencoded`).
   */
  requests: Array<{ path: string; headers: Record<string, string>; body?: unknown }>;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

const main = async () => {
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const plan = JSON.parse(input) as LoadPlan;
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let next = 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: plan.concurrency });
  const send = (request: LoadPlan['requests'][number]) =>
    new Promise<number>((resolve, reject) => {
      const form = typeof request.body === 'string';
      const body = request.body === undefined ? undefined : form ? (request.body as string) : JSON.stringify(request.body);
      const type = form ? 'application/x-www-form-urlencoded' : 'application/json';
      const outgoing = http.request(
        plan.url + request.path,
        {
          method: plan.method,
          agent,
          headers: { ...(body === undefined ? {} : { 'content-type': type, 'content-length': Buffer.byteLength(body) }), ...request.headers },
        },
        (response) => {
          response.on('data', () => {});
          response.on('end', () => resolve(response.statusCode ?? 0));
          response.on('error', reject);
        }
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  const client = (deadline: number, counted: boolean) => async () => {
    while (performance.now() < deadline) {
      const request = plan.requests[next++ % plan.requests.length];
      const started = performance.now();
      const status = await send(request);
      if (!counted) continue;
      latencies.push(performance.now() - started);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  if (plan.warmupSeconds) await Promise.all(Array.from({ length: plan.concurrency }, client(performance.now() + plan.warmupSeconds * 1000, false)));
  const started = performance.now();
  await Promise.all(Array.from({ length: plan.concurrency }, client(started + plan.seconds * 1000, true)));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      requests: latencies.length,
      per_s: Math.round(latencies.length / elapsed),
      p50_ms: Number(percentile(latencies, 50).toFixed(1)),
      p99_ms: Number(percentile(latencies, 99).toFixed(1)),
      p90_ms: Number(percentile(latencies, 90).toFixed(1)),
      max_ms: Number(latencies[latencies.length - 1].toFixed(1)),
      // The load generator's own CPU, which a two-core machine takes from the server under test.
      client_cpu_ms: Math.round((process.cpuUsage().user + process.cpuUsage().system) / 1000),
      statuses,
    })
  );
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
