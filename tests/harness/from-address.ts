import http from 'http';

export interface Answer {
  status: number;
  /** The parsed JSON answer, or null when there is none. */
  body: unknown;
  headers: http.IncomingHttpHeaders;
}

/**
 * One JSON request sent from a given loopback address (127.0.0.2, 127.0.0.3, …: every 127.x address is
 * this machine), so tests can play several clients' addresses without trusting proxy headers.
 */
export const requestFrom = (from: string, baseUrl: string, method: string, path: string, body?: object, headers: Record<string, string> = {}) =>
  new Promise<Answer>((resolve, reject) => {
    const url = new URL(path, baseUrl);
    const data = body === undefined ? undefined : JSON.stringify(body);
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method,
        localAddress: from,
        headers: { ...(data ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(data)) } : {}), ...headers },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, body: text ? JSON.parse(text) : null, headers: response.headers }));
      }
    );
    request.on('error', reject);
    if (data) request.write(data);
    request.end();
  });
