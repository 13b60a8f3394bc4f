import { AppError, type AuditChainReport, searchArchive, verifyAuditChain } from '@huawu/core';
import type { Command } from 'commander';
import { EXIT, ExitWith } from '../exit-codes.js';
import { withCore } from './command-support.js';

/** The CLI acts as the system itself (no session): centre scope, like the sweeper. */
const SYSTEM_ACTOR = { userId: 'system', role: 'admin', unitId: 'centre' } as const;

const KIND_LABELS: Record<string, string> = {
  event_hash: '事件哈希不符',
  prev_link: '事件链接断开',
  missing_hash: '事件缺少哈希',
  event_tail: '末尾事件缺失',
  archive_record: '档案记录被改动',
  archive_head: '档案与事件记录不符',
  archive_link: '档案链断开',
};

function count(option: string, value: string, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > max)
    throw AppError.validation(option, `应为 1 到 ${max} 之间的整数`);
  return n;
}

export function formatAuditReport(r: AuditChainReport): string[] {
  const counts = `checked ${r.ordersChecked} orders, ${r.eventsChecked} events, ${r.archivesChecked} archives`;
  if (r.ok || !r.firstBreak) return [`audit verify OK: ${counts}`];
  const b = r.firstBreak;
  return [
    `audit verify FAILED: ${counts}; ${r.breaks} broken link(s)`,
    `第一处断链 [${b.kind}] ${KIND_LABELS[b.kind] ?? ''}: ${b.message}`,
    `  order ${b.orderNo} (${b.orderId})${b.seq !== undefined ? ` seq ${b.seq}` : ''}${b.archiveSeq !== undefined ? ` archive ${b.archiveSeq}` : ''}`,
  ];
}

/**
 * `huawu audit verify`: recomputes the hash chain of every order's event log and the sealed archive
 * chain (docs/ARCHIVE.md). Exit 0 when intact; exit 7 naming the first broken link otherwise.
 * `huawu archive list [--expired]`: sealed records (with --expired: past their retention period).
 */
export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('审计：校验事件哈希链与归档档案 (audit tools)');
  audit
    .command('verify')
    .description('校验全部工单事件的哈希链与归档档案链，指出第一处断链 (verify the event and archive chains)')
    .option('--page-size <n>', 'orders and archives read per page (default 200)')
    .action(async (o: { pageSize?: string }) => {
      const pageSize = o.pageSize === undefined ? undefined : count('page-size', o.pageSize, 10_000);
      const report = await withCore(program, (core) => verifyAuditChain(core, pageSize ? { pageSize } : {}));
      const lines = formatAuditReport(report);
      if (report.ok) {
        for (const l of lines) console.log(l);
        return;
      }
      for (const l of lines) console.error(l);
      throw new ExitWith(EXIT.auditBroken);
    });

  program
    .command('archive')
    .description('档案 (sealed archive records)')
    .command('list')
    .description('列出归档档案，最新在前 (list sealed records, newest first)')
    .option('--expired', 'only records past their retention period (已到保管期限)')
    .option('--limit <n>', 'at most this many (1–100, default 100)')
    .action(async (o: { expired?: boolean; limit?: string }) => {
      const pageSize = o.limit === undefined ? 100 : count('limit', o.limit, 100);
      const r = await withCore(program, (core) =>
        searchArchive(core, SYSTEM_ACTOR, { expired: o.expired === true, pageSize }),
      );
      for (const i of r.items) {
        console.log(
          `${i.archiveSeq}\t${i.orderNo}\t${i.appealType}\t${i.archivedAt}\t${i.retentionUntil}\t${i.title}`,
        );
      }
      console.log(`${r.total}${r.totalCapped ? '+' : ''} records`);
    });
}
