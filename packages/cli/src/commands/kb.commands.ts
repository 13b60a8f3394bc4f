import { writeFileSync } from 'node:fs';
import { AppError, type ImportResult, decodeCsv, exportArticles, importServiceItems } from '@huawu/core';
import type { Command } from 'commander';
import { readBytes, withCore } from './command-support.js';

function report(result: ImportResult): void {
  const verb = result.dryRun ? 'would import (dry run, nothing written)' : 'imported';
  console.log(
    `${verb}: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged, ${result.rejected.length} rejected of ${result.total} rows`,
  );
  for (const w of result.warnings) console.log(`  warning row ${w.row} ${w.field}: ${w.message}`);
  for (const r of result.rejected) console.error(`  rejected row ${r.row} ${r.field}: ${r.message}`);
}

/**
 * `huawu kb import FILE [--dry-run]` and `huawu kb export [--kind guide] [-o FILE]`. An import with
 * rejected rows keeps the valid ones and exits 3 (invalid input), so scripts notice.
 */
export function registerKbCommands(program: Command): void {
  const kb = program.command('kb').description('知识库 (knowledge base)');
  kb.command('import <file>')
    .description(
      '导入事项清单 CSV（UTF-8；按 item_code 新建或更新并直接发布）(import service items; exit 3 if any row is rejected)',
    )
    .option('--dry-run', 'check and count only; write nothing')
    .action(async (file: string, o: { dryRun?: boolean }) => {
      const text = decodeCsv(readBytes(file));
      const result = await withCore(program, (core) =>
        importServiceItems(core, null, text, { dryRun: o.dryRun }),
      );
      report(result);
      if (result.rejected.length > 0) {
        // Exit 3 (invalid input, EXIT.invalid) while the valid rows stay imported.
        throw new AppError(
          'VALIDATION_FAILED',
          `${result.rejected.length} 处错误，相应的行未导入；其余行${result.dryRun ? '可以' : '已'}导入 (some rows rejected)`,
        );
      }
    });
  kb.command('export')
    .description('导出知识库为 CSV（记入审计日志）(export the knowledge base as CSV; audited)')
    .option('--kind <kind>', 'guide | faq (default: all)')
    .option('--status <statuses>', 'comma-separated: draft,in_review,published,expired')
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .action(async (o: { kind?: string; status?: string; output?: string }) => {
      const file = await withCore(program, (core) =>
        exportArticles(core, null, { kind: o.kind, status: o.status?.split(',').map((s) => s.trim()) }),
      );
      if (o.output) {
        writeFileSync(o.output, file.csv);
        console.log(`exported ${file.rows} articles to ${o.output}`);
      } else process.stdout.write(file.csv);
    });
}
