import { AppError, sweepClocks } from '@huawu/core';
import type { Command } from 'commander';
import { withCore } from './command-support.js';

/** `--now` must be a full ISO 8601 instant with a zone (e.g. 2026-10-09T09:30:00Z). */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export function parseNow(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const at = new Date(value);
  if (!ISO_INSTANT.test(value) || Number.isNaN(at.getTime())) {
    throw AppError.validation(
      'now',
      `不是有效的 ISO 8601 时刻（需含时区，如 2026-10-09T09:30:00Z）：${value}`,
    );
  }
  return at;
}

/**
 * `huawu sweep [--now ISO]`: one full pass of the supervision sweeper (黄牌 → 红牌 → 催办 → 督办并报上级)
 * over every due clock, then exit. Idempotent and safe next to running servers, so cron may run it.
 */
export function registerSweepCommands(program: Command): void {
  program
    .command('sweep')
    .description(
      '执行一次督办扫描：黄牌、红牌、催办、督办并报上级 (run the supervision sweeper once; safe to repeat)',
    )
    .option('--now <iso>', 'sweep as of this instant (ISO 8601 with zone; default: now)')
    .action(async (o: { now?: string }) => {
      const now = parseNow(o.now);
      const s = await withCore(program, (core) => sweepClocks(core, now ? { now } : {}));
      console.log(
        `sweep done: examined ${s.examined} clocks, ${s.steps} steps, ${s.notices} notices, ${s.supervisions} supervisions (${s.batches} batches)`,
      );
    });
}
