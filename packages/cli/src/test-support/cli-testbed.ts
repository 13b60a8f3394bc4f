import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, vi } from 'vitest';
import { main } from '../main.js';

export interface CliRun {
  code: number;
  /** console.log and stdout, one entry a line. */
  out: string;
  /** console.error and stderr, one entry a line. */
  err: string;
}

export interface CliTestbed {
  /** A temporary folder for the test's files, removed after the file. */
  dir: string;
  /** The SQLite database every run uses (migrated before the file's tests). */
  db: string;
  /** Runs `huawu -d <db> ...args` in-process and captures its output and exit code. */
  run: (...args: string[]) => Promise<CliRun>;
}

/** Captures console and stdout/stderr writes until the mocks are restored. */
function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out.push(String(s));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    err.push(String(s));
    return true;
  });
  return { out, err };
}

/**
 * A CLI test file's setup: a temporary folder with a migrated database (`huawu migrate` runs before
 * the file's tests), the folder removed afterwards. Call at the top level of the test file.
 */
export function useCliTestbed(name: string): CliTestbed {
  const dir = mkdtempSync(join(tmpdir(), `huawu-cli-${name}-`));
  const db = join(dir, `${name}.db`);

  const run = async (...args: string[]): Promise<CliRun> => {
    const io = capture();
    try {
      const code = await main(['-d', db, ...args]);
      return { code, out: io.out.join('\n'), err: io.err.join('\n') };
    } finally {
      vi.restoreAllMocks();
    }
  };

  beforeAll(async () => {
    expect((await run('migrate')).code).toBe(0);
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return { dir, db, run };
}
