import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { uploadOrderAttachment } from '../order-files/attachments.js';
import {
  A,
  dispatched,
  expectAppError,
  manualClock,
  seedPeople,
  step,
} from '../test-support/contract-helpers.js';
import { type TestCore, describeEachDatabase } from '../test-support/databases.js';
import { getWorkOrder } from '../use-cases/get-work-order.js';
import type { WorkOrderDetail } from '../views/work-order.view.js';
import { exportOrderDocument } from './export-order-document.js';
import { exportOrders } from './export-orders.js';

const HOSTILE_TITLE = '<script>alert("x")</script>井盖缺失';
const INTERNAL = '内部说明勿外传XJ7';
const PUBLIC_REPLY = '经核实，已安排维修，井盖已补齐。';
/** Long enough to run over a page in the PDF (the content field holds up to 4000 characters). */
const LONG_CONTENT = `${'和平路与人民路交叉口东侧人行道井盖缺失，夜间行人容易跌落，请尽快处置。'.repeat(90)}结尾标记`;

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The PDF's text as poppler extracts it, or undefined when pdftotext is not installed (CI must have it). */
function pdfText(pdf: Buffer): string | undefined {
  if (!hasPdftotext()) {
    if (process.env.CI) throw new Error('pdftotext (poppler-utils) is required in CI');
    console.warn('pdftotext not installed: skipping the PDF text assertions (apt-get install poppler-utils)');
    return undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), 'huawu-pdf-'));
  try {
    writeFileSync(join(dir, 'o.pdf'), pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'o.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describeEachDatabase('order exports (printable 工单, CSV, XLSX)', (db) => {
  const clock = manualClock('2026-06-01T02:00:00.000Z');
  let core: TestCore;
  let order: WorkOrderDetail;
  let secret: WorkOrderDetail;
  let formula: WorkOrderDetail;

  const audits = (action: string) =>
    core.database.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('at').execute();

  beforeAll(async () => {
    core = await db.newCore({ now: clock.now });
    await seedPeople(core);
    order = await dispatched(core, {
      leadUnitId: 'east-heping',
      sign: true,
      intake: { title: HOSTILE_TITLE, content: LONG_CONTENT },
    });
    order = await step(core, order, A.heping, 'reply', {
      result: 'resolved',
      publicReply: PUBLIC_REPLY,
      internalNotes: INTERNAL,
      policyBasis: '《城市道路管理条例》',
      signedOffBy: '王科长',
    });
    await uploadOrderAttachment(core, A.supervisor, order.id, {
      fileName: '现场照片.jpg',
      content: new Uint8Array([0xff, 0xd8, 0xff, 1]),
    });
    secret = await dispatched(core, { leadUnitId: 'east-heping', intake: { confidential: true } });
    formula = await dispatched(core, {
      leadUnitId: 'city-market',
      intake: { title: '=HYPERLINK("http://evil","点我")', callerPhone: '13800001111' },
    });
  });

  describe('printable 工单', () => {
    it('HTML: one escaped document with the form sections, the public reply and no internal notes', async () => {
      const file = await exportOrderDocument(core, A.supervisor, order.id, 'html');
      expect(file.contentType).toBe('text/html; charset=utf-8');
      expect(file.fileName).toBe(`工单-${order.orderNo}.html`);
      const html = file.body.toString('utf8');
      expect(html.startsWith('<!doctype html>')).toBe(true);
      expect(html).not.toContain('<script');
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;井盖缺失');
      for (const label of ['来电信息', '诉求信息', '办理信息', '答复', '办理过程', '附件', '政策依据']) {
        expect(html).toContain(label);
      }
      expect(html).toContain(order.orderNo);
      expect(html).toContain(PUBLIC_REPLY);
      expect(html).toContain('结尾标记');
      expect(html).toContain('现场照片.jpg');
      expect(html).toMatch(/[0-9a-f]{64}/);
      expect(html).toContain('13912345678'); // the supervisor sees the number, as in the detail
      expect(html).not.toContain(INTERNAL);
    });

    it('masks the caller exactly as the detail does for the reader', async () => {
      const dispatcherHtml = (
        await exportOrderDocument(core, A.dispatcher, order.id, 'html')
      ).body.toString();
      expect(dispatcherHtml).toContain('139****5678');
      expect(dispatcherHtml).not.toContain('13912345678');
      // A unit on a confidential order: identity hidden (保密), as its detail shows.
      const detail = await getWorkOrder(core, A.heping, secret.id, { audit: false });
      expect(detail.callerPhone).toBeNull();
      const unitHtml = (await exportOrderDocument(core, A.heping, secret.id, 'html')).body.toString();
      expect(unitHtml).toContain('保密');
      expect(unitHtml).not.toContain('13912345678');
      expect(unitHtml).not.toContain('张先生');
    });

    it('PDF: embedded Noto Sans Hans subset, the form text, no internal notes, several pages with footers', async () => {
      const file = await exportOrderDocument(core, A.supervisor, order.id, 'pdf');
      expect(file.contentType).toBe('application/pdf');
      expect(file.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      if (process.env.HUAWU_PDF_OUT) writeFileSync(process.env.HUAWU_PDF_OUT, file.body);
      const raw = file.body.toString('latin1');
      expect(raw).toMatch(/\/FontFile[23]/);
      expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansHans-Regular/);
      const text = pdfText(file.body);
      if (text === undefined) return;
      const flat = text.replace(/\s+/g, '');
      for (const label of ['来电信息', '诉求信息', '办理信息', '诉求内容', '办理结果', '办理过程', '附件']) {
        expect(flat).toContain(label);
      }
      expect(flat).toContain(order.orderNo);
      expect(flat).toContain('井盖缺失');
      expect(flat).toContain('<script>');
      expect(flat).toContain('结尾标记');
      expect(flat).toContain(PUBLIC_REPLY);
      expect(flat).not.toContain(INTERNAL);
      expect(flat).toMatch(/第1页共[2-9]页/);
    });

    it('audits each export (and the unmasked read) and refuses other units and bad formats', async () => {
      const before = (await audits('export_order')).length;
      await exportOrderDocument(core, A.heping, order.orderNo, 'pdf');
      const rows = await audits('export_order');
      expect(rows).toHaveLength(before + 1);
      expect(rows.at(-1)).toMatchObject({ actor_id: A.heping.userId, target_id: order.id });
      expect(JSON.parse(rows.at(-1)?.detail ?? '{}')).toMatchObject({ format: 'pdf' });
      expect((await audits('read_personal')).some((r) => r.target_id === order.id)).toBe(true);

      await expectAppError(exportOrderDocument(core, A.market, order.id, 'html'), 'NOT_FOUND');
      await expectAppError(exportOrderDocument(core, A.supervisor, 'no-such-order', 'pdf'), 'NOT_FOUND');
      await expectAppError(exportOrderDocument(core, A.supervisor, order.id, 'docx'), 'VALIDATION_FAILED');
      expect(await audits('export_order')).toHaveLength(before + 1);
    });
  });

  describe('bulk exports', () => {
    it('CSV: BOM, header, masked numbers for every role, neutralised formulas, audited with filter and count', async () => {
      const file = await exportOrders(core, A.supervisor, { q: '' }, 'csv');
      expect(file.contentType).toBe('text/csv; charset=utf-8');
      const csv = file.body.toString('utf8');
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      const lines = csv.slice(1).split('\r\n').filter(Boolean);
      expect(lines[0]).toContain('工单编号,状态');
      expect(lines).toHaveLength(4);
      expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""点我"")"`);
      expect(csv).toContain(formula.orderNo);
      expect(csv).toContain('138****1111');
      expect(csv).not.toContain('13800001111');
      expect(csv).not.toContain('13912345678');
      const audit = (await audits('export_orders')).at(-1);
      expect(audit?.actor_id).toBe(A.supervisor.userId);
      expect(JSON.parse(audit?.detail ?? '{}')).toEqual({ format: 'csv', filter: {}, rows: 3 });
    });

    it('XLSX: reads back with its header and rows; filters and unit scope as in the list', async () => {
      const file = await exportOrders(
        core,
        A.heping,
        { status: ['in_progress', 'dispatched', 'unit_replied'] },
        'xlsx',
      );
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(file.body as unknown as ArrayBuffer);
      const sheet = book.worksheets[0];
      expect(sheet?.getRow(1).getCell(1).value).toBe('工单编号');
      expect(sheet?.getRow(1).font?.bold).toBe(true);
      expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const numbers = [2, 3, 4]
        .map((r) => sheet?.getRow(r).getCell(1).value)
        .filter((v): v is string => typeof v === 'string');
      // east-heping sees its two orders, never the market's.
      expect(numbers.sort()).toEqual([order.orderNo, secret.orderNo].sort());
      const audit = (await audits('export_orders')).at(-1);
      expect(JSON.parse(audit?.detail ?? '{}')).toMatchObject({
        format: 'xlsx',
        filter: { status: ['in_progress', 'dispatched', 'unit_replied'] },
        rows: 2,
      });
    });

    it('refuses more rows than the cap, a bad format and bad filters, writing no audit row', async () => {
      const before = (await audits('export_orders')).length;
      const error = await expectAppError(exportOrders(core, A.supervisor, {}, 'csv', 2), 'VALIDATION_FAILED');
      expect(error.message + JSON.stringify(error.issues)).toContain('缩小筛选范围');
      await expectAppError(exportOrders(core, A.supervisor, {}, 'pdf'), 'VALIDATION_FAILED');
      await expectAppError(
        exportOrders(core, A.supervisor, { status: ['nope'] }, 'csv'),
        'VALIDATION_FAILED',
      );
      await expectAppError(
        exportOrders(core, A.supervisor, { from: '2026/01/01' }, 'csv'),
        'VALIDATION_FAILED',
      );
      expect(await audits('export_orders')).toHaveLength(before);
    });
  });
});
