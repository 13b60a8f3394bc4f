// Child process: the real Huawu server (startServer, demo city) on an ephemeral port.
// Started by bench/lifecycle.bench.mjs with fork(); reports { type: 'ready', url } over IPC and also
// prints the URL. Stops gracefully on an IPC 'stop' message, SIGTERM or when the parent goes away
// (so a --cpu-prof profile is written on the way out).
import { startServer } from '../../packages/server/dist/index.js';

const databaseUrl = process.env.HUAWU_BENCH_DB_URL;
if (!databaseUrl) {
  console.error('server-child: HUAWU_BENCH_DB_URL is not set');
  process.exit(2);
}

const server = await startServer({
  databaseUrl,
  demo: true,
  logLevel: process.env.HUAWU_BENCH_LOG_LEVEL ?? 'warn',
  port: 0,
  host: '127.0.0.1',
});

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  const timer = setTimeout(() => process.exit(code), 5_000);
  timer.unref();
  try {
    await server.stop();
  } finally {
    process.exit(code);
  }
}

process.on('message', (msg) => {
  if (msg?.type === 'stop') void stop(0);
});
process.on('disconnect', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => void stop(0));

console.log(server.url);
process.send?.({ type: 'ready', url: server.url, pid: process.pid });
