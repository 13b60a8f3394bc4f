// A small keep-alive HTTP/1.1 JSON client on node:http (no dependencies), plus a worker pool and
// percentile helpers. Latency = request start to last response byte, measured in the client.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export function createHttpClient(baseUrl, { maxSockets }) {
  const url = new URL(baseUrl);
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets,
    maxFreeSockets: maxSockets,
    scheduling: 'lifo',
  });
  /** Resolves { status, body (parsed JSON or undefined), ms }; rejects only on network errors. */
  function request(method, path, { body, token } = {}) {
    return new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
      const headers = { accept: 'application/json' };
      if (payload) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = payload.length;
      }
      if (token) headers.authorization = `Bearer ${token}`;
      const start = performance.now();
      const req = http.request(
        { host: url.hostname, port: url.port, method, path, headers, agent },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const ms = performance.now() - start;
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed;
            try {
              parsed = text ? JSON.parse(text) : undefined;
            } catch {
              parsed = text;
            }
            resolve({ status: res.statusCode, body: parsed, ms });
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }
  return { request, close: () => agent.destroy() };
}

/** Runs fn(i, worker) for i in [0, count) with `concurrency` workers pulling the next index. */
export async function runPool(count, concurrency, fn) {
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, async (_, w) => {
    for (;;) {
      const i = next++;
      if (i >= count) return;
      await fn(i, w);
    }
  });
  await Promise.all(workers);
}

/** Nearest-rank percentile of an unsorted array of numbers (copied, not mutated). */
export function percentiles(values, ps = [50, 95, 99]) {
  const sorted = Float64Array.from(values).sort();
  const out = {};
  for (const p of ps) {
    if (sorted.length === 0) out[`p${p}`] = null;
    else
      out[`p${p}`] =
        sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  }
  return out;
}

export function median(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}
