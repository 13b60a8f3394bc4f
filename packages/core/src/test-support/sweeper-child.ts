import { spawn } from 'node:child_process';

/**
 * A script for a child process (two-sweepers.contract.test.ts): opens the built core
 * (packages/core/dist), says "ready", waits for "go" on stdin, runs `rounds` sweeps at the fixed
 * instant `at` with `batchSize` clocks per transaction and prints the summed SweepSummary as JSON.
 */
export function sweeperChildScript(coreUrl: string): string {
  return `import { createCore, sweepClocks } from ${JSON.stringify(coreUrl)};
import { once } from 'node:events';
const [url, at, rounds, batchSize] = process.argv.slice(2);
const core = createCore({ databaseUrl: url, now: () => new Date(at), poolSize: 2 });
const total = { examined: 0, steps: 0, notices: 0, supervisions: 0, batches: 0 };
try {
  await core.database.db.selectFrom('order_clocks').select('id').limit(1).execute();
  process.stdout.write('ready\\n');
  await once(process.stdin, 'data');
  for (let r = 0; r < Number(rounds); r++) {
    const s = await sweepClocks(core, { now: new Date(at), batchSize: Number(batchSize) });
    for (const k of Object.keys(total)) total[k] += s[k];
  }
  process.stdout.write(JSON.stringify(total) + '\\n');
} finally {
  await core.close();
  process.stdin.destroy();
}
`;
}

export interface SweeperTotals {
  examined: number;
  steps: number;
  notices: number;
  supervisions: number;
  batches: number;
}

/** Starts `node script ...args`; `ready` resolves once it printed "ready", `go()` releases it. */
export function startSweeperChild(script: string, args: string[]) {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let signalReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    signalReady = resolve;
  });
  child.stdout.on('data', (d) => {
    out += d;
    if (out.startsWith('ready\n')) signalReady();
  });
  child.stderr.on('data', (d) => {
    err += d;
  });
  const done = new Promise<SweeperTotals>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`sweeper child exited ${code}: ${err}`));
      resolve(JSON.parse(out.slice('ready\n'.length)) as SweeperTotals);
    });
  });
  return {
    // A child that dies before "ready" must not leave the test waiting for it.
    ready: Promise.race([ready, done.then(() => undefined)]),
    go: () => child.stdin.write('go\n'),
    done,
    stop: () => {
      if (child.exitCode === null) child.kill();
    },
  };
}
