/**
 * A load generator in its own process (so it does not share the server's event loop): `concurrency`
 * clients each send requests back to back for `seconds`. Input on stdin as JSON; prints one JSON line.
 */
interface LoadPlan {
  url: string;
  method: 'POST' | 'GET';
  concurrency: number;
  seconds: number;
  /** One request per entry, taken in turn; each has its own headers and body. */
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
  const deadline = performance.now() + plan.seconds * 1000;
  const client = async () => {
    while (performance.now() < deadline) {
      const request = plan.requests[next++ % plan.requests.length];
      const started = performance.now();
      const response = await fetch(plan.url + request.path, {
        method: plan.method,
        headers: { 'content-type': 'application/json', ...request.headers },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
      });
      await response.arrayBuffer();
      latencies.push(performance.now() - started);
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: plan.concurrency }, client));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      requests: latencies.length,
      per_s: Math.round(latencies.length / elapsed),
      p50_ms: Number(percentile(latencies, 50).toFixed(1)),
      p99_ms: Number(percentile(latencies, 99).toFixed(1)),
      statuses,
    })
  );
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
