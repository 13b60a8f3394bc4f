// Child-process and /proc helpers. Every child started here is remembered and killed on exit,
// whatever the way out (normal end, exception, Ctrl-C).
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';

const children = new Set();

process.on('exit', () => {
  for (const child of children) {
    try {
      child.kill('SIGKILL');
    } catch {}
  }
});

/** Forks `script` and waits for its { type: 'ready', url } IPC message. */
export function startChild(script, { env = {}, execArgv = [], name, timeoutMs = 120_000 } = {}) {
  const child = fork(script, [], {
    env: { ...process.env, ...env },
    execArgv,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  children.add(child);
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-8_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.once('exit', () => children.delete(child));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name}: not ready after ${timeoutMs} ms\n${output}`));
    }, timeoutMs);
    child.on('message', (msg) => {
      if (msg?.type !== 'ready') return;
      clearTimeout(timer);
      resolve({ child, url: msg.url, pid: child.pid, output: () => output, stop: () => stopChild(child) });
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name}: exited before ready (code ${code}, signal ${signal})\n${output}`));
    });
  });
}

/** Asks a child to stop (graceful, so profiles get written), then kills it after `graceMs`. */
export function stopChild(child, graceMs = 10_000) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      if (child.connected) child.send({ type: 'stop' });
      else child.kill('SIGTERM');
    } catch {
      child.kill('SIGKILL');
    }
  });
}

export async function stopAllChildren() {
  await Promise.all([...children].map((c) => stopChild(c, 5_000)));
}

/** VmHWM (peak RSS) and VmRSS of a process in MiB, from /proc (Linux); nulls elsewhere. */
export function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => {
      const m = status.match(new RegExp(`^${key}:\\s+(\\d+)\\s+kB`, 'm'));
      return m ? Number(m[1]) / 1024 : null;
    };
    return { peakRssMiB: kb('VmHWM'), rssMiB: kb('VmRSS') };
  } catch {
    return { peakRssMiB: null, rssMiB: null };
  }
}

/** User+system CPU time of a process in ms, from /proc/<pid>/stat (clock ticks assumed 100 Hz). */
export function cpuMsOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state); utime is field 14, stime field 15.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}
