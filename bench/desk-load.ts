/**
 * The ballot desk's load generator, in its own process (so it does not share the server's event loop):
 * each facilitator enters their stack of paper forms one after another as a browser without JavaScript
 * does: POST the desk's form, follow its redirect (GET the same page, empty, with the receipt). A ballot's
 * time is both requests. Input on stdin as JSON; prints one JSON line.
 */
import http from 'http';

interface DeskPlan {
  url: string;
  /** The desk's address (after the language): the form's action and the page it redirects to. */
  path: string;
  facilitators: Array<{ cookie: string; forms: string[] }>;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

const main = async () => {
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const plan = JSON.parse(input) as DeskPlan;
  const agent = new http.Agent({ keepAlive: true, maxSockets: plan.facilitators.length });
  const send = (method: 'GET' | 'POST', path: string, cookie: string, body?: string) =>
    new Promise<{ status: number; location?: string; text: string }>((resolve, reject) => {
      const outgoing = http.request(
        plan.url + path,
        {
          method,
          agent,
          headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) }) },
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, location: response.headers.location, text }));
          response.on('error', reject);
        }
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let receipts = 0;
  const facilitator = async ({ cookie, forms }: DeskPlan['facilitators'][number]) => {
    for (const form of forms) {
      const started = performance.now();
      const posted = await send('POST', plan.path, cookie, form);
      let outcome = `POST ${posted.status}`;
      if (posted.status === 303 && posted.location) {
        const page = await send('GET', posted.location, cookie);
        outcome = `GET ${page.status}`;
        // Counted only when the page came back with the receipt to hand over.
        if (page.status === 200 && page.text.includes('class="receipt-code"')) receipts += 1;
      }
      latencies.push(performance.now() - started);
      statuses[outcome] = (statuses[outcome] ?? 0) + 1;
    }
  };
  const started = performance.now();
  await Promise.all(plan.facilitators.map(facilitator));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      ballots: latencies.length,
      receipts_shown: receipts,
      per_s: Number((latencies.length / elapsed).toFixed(1)),
      p50_ms: Number(percentile(latencies, 50).toFixed(1)),
      p99_ms: Number(percentile(latencies, 99).toFixed(1)),
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
