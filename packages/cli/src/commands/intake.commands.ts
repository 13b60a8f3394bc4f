import { writeFileSync } from 'node:fs';
import { AppError, importCategories, exportCategories } from '@huawu/core';
import type { Command } from 'commander';
import { readBytes, withCore } from './command-support.js';

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
      const { csv, rows } = await withCore(program, (core) => exportCategories(core, null, { all: o.all }));
      if (o.output) {
        writeFileSync(o.output, csv);
        console.log(`exported ${rows} categories to ${o.output}`);
      } else process.stdout.write(csv);
    });
}
