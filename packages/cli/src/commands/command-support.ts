import { readFileSync } from 'node:fs';
import { AppError, type CoreDeps, createCore, prepareDatabase } from '@huawu/core';
import type { Command } from 'commander';
import { databaseUrl } from '../settings.js';

/** Opens the database named by `-d/--database` (migrated), runs one use case, and closes it. */
export async function withCore<T>(program: Command, run: (core: CoreDeps) => Promise<T>): Promise<T> {
  const core = createCore({ databaseUrl: databaseUrl(program.opts().database) });
  try {
    await prepareDatabase(core);
    return await run(core);
  } finally {
    await core.close();
  }
}

/** The bytes of an input file; a missing or unreadable file is NOT_FOUND (exit 4). */
export function readBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch {
    throw new AppError('NOT_FOUND', `无法读取文件：${file}`);
  }
}
