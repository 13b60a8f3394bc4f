import { readFileSync, writeFileSync } from 'node:fs';
import { AppError, type CoreDeps, createCore, importCategories, listCategories, prepareDatabase } from '@huawu/core';
import type { Command } from 'commander';
import { databaseUrl } from '../settings.js';

async function withCore<T>(program: Command, run: (core: CoreDeps) => Promise<T>): Promise<T> {
  const core = createCore({ databaseUrl: databaseUrl(program.opts().database) });
  try {
    await prepareDatabase(core);
    return await run(core);
  } finally {
    await core.close();
  }
}

function readBytes(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch {
    throw new AppError('NOT_FOUND', `无法读取文件：${file}`);
  }
}

/** The columns `categories import` reads, so an export can be edited and imported again. */
const COLUMNS = ['code', 'name', 'parent_code', 'emergency_hint'];

/** A spreadsheet would run a cell starting with one of these as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: string | null): string {
  const text = value ?? '';
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * `huawu categories import FILE [--dry-run]` and `huawu categories export [-o FILE] [--all]`. Like
 * `huawu kb import`, an import with rejected rows keeps the valid ones and exits 3 (invalid input);
 * an unreadable file exits 4.
 */
export function registerIntakeCommands(program: Command): void {
  const categories = program.command('categories').description('诉求分类 (appeal category taxonomy)');
  categories
    .command('import <file>')
    .description(
      '导入诉求分类 CSV（UTF-8；code,name,parent_code[,emergency_hint]，首行列名可选；新编码新建、已有编码更新）' +
        '(import categories; exit 3 if any row is rejected)',
    )
    .option('--dry-run', 'check and count only; write nothing')
    .action(async (file: string, o: { dryRun?: boolean }) => {
      const bytes = readBytes(file);
      const dryRun = o.dryRun === true;
      const result = await withCore(program, (core) => importCategories(core, null, bytes, { dryRun }));
      const verb = dryRun ? 'would import (dry run, nothing written)' : 'imported';
      console.log(
        `${verb}: ${result.created} created, ${result.updated} updated, ${result.rejected.length} rejected of ${result.total} rows`,
      );
      for (const r of result.rejected) console.error(`  rejected row ${r.row} ${r.field}: ${r.message}`);
      if (result.rejected.length > 0) {
        // Exit 3 (invalid input) while the valid rows stay imported.
        throw new AppError(
          'VALIDATION_FAILED',
          `${result.rejected.length} 处错误，相应的行未导入；其余行${dryRun ? '可以' : '已'}导入 (some rows rejected)`,
        );
      }
    });
  categories
    .command('export')
    .description('导出诉求分类为 CSV（可修改后再导入）(export the taxonomy as CSV, importable again)')
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .option('--all', 'include deactivated categories (importing them again re-activates them)')
    .action(async (o: { output?: string; all?: boolean }) => {
      const { items } = await withCore(program, (core) => listCategories(core));
      const rows = items.filter((c) => o.all === true || c.active);
      const lines = [
        COLUMNS.join(','),
        ...rows.map((c) => [c.code, c.name, c.parentCode, c.emergencyHint].map(csvCell).join(',')),
      ];
      // A byte-order mark so spreadsheet programs open the Chinese text as UTF-8.
      const csv = `\uFEFF${lines.join('\r\n')}\r\n`;
      if (o.output) {
        writeFileSync(o.output, csv);
        console.log(`exported ${rows.length} categories to ${o.output}`);
      } else process.stdout.write(csv);
    });
}
