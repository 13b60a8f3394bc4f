import PDFDocument from 'pdfkit';
import type { OrderPrintModel, PrintField } from './order-print-model.js';
import { pdfFonts } from './pdf-fonts.js';

/**
 * The printable 工单 as PDF (A4): the same content as the HTML form, drawn as a bordered label/value
 * grid with Noto Sans Hans embedded (subset), long text wrapped and split across pages, table headers
 * repeated after a page break, and a footer on every page (工单号 · 第 n 页 共 m 页).
 */

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { left: 42, right: 42, top: 44, bottom: 56 };
const WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BOTTOM = PAGE.height - MARGIN.bottom;
const PAD = 4;
const SIZE = 9.5;
const LINE_GAP = 2;
const BORDER = '#333333';
const SHADE = '#efefef';

type Doc = PDFKit.PDFDocument;
interface Column {
  width: number;
  shade?: boolean;
  bold?: boolean;
  size?: number;
}

/** Cells of a row; a cell's text is split at the page end and continued on the next page. */
interface Cell {
  text: string;
  col: Column;
}

/** Whether the loaded font has every character of `text` (pdfkit keeps the fontkit font on `_font`). */
function covers(doc: Doc, text: string): boolean {
  const font = (doc as unknown as { _font?: { font?: { hasGlyphForCodePoint?: (cp: number) => boolean } } })
    ._font?.font;
  if (!font?.hasGlyphForCodePoint) return true;
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cp > 0x20 && !font.hasGlyphForCodePoint(cp)) return false;
  }
  return true;
}

class FormWriter {
  private y = MARGIN.top;
  private readonly hasFallback: boolean;

  constructor(private readonly doc: Doc) {
    const fonts = pdfFonts();
    doc.registerFont('regular', fonts.regular);
    doc.registerFont('bold', fonts.bold);
    this.hasFallback = fonts.fallback !== null;
    if (fonts.fallback) doc.registerFont('fallback', fonts.fallback.path, fonts.fallback.face);
  }

  /** Picks the font for `text`: the fallback only when the primary lacks a character and a fallback exists. */
  private use(text: string, bold = false, size = SIZE) {
    this.doc.font(bold ? 'bold' : 'regular').fontSize(size);
    if (this.hasFallback && !covers(this.doc, text)) this.doc.font('fallback').fontSize(size);
  }

  private height(text: string, col: Column): number {
    this.use(text, col.bold, col.size);
    return this.doc.heightOfString(text || ' ', { width: col.width - 2 * PAD, lineGap: LINE_GAP });
  }

  private newPage() {
    this.doc.addPage();
    this.y = MARGIN.top;
  }

  /** The longest prefix of `text` that fits `room` points in `col` (binary search over code points). */
  private fitting(text: string, col: Column, room: number): [string, string] {
    const chars = Array.from(text);
    let lo = 0;
    let hi = chars.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (this.height(chars.slice(0, mid).join(''), col) + 2 * PAD <= room) lo = mid;
      else hi = mid - 1;
    }
    return [chars.slice(0, lo).join(''), chars.slice(lo).join('')];
  }

  /** One bordered row; text too tall for the rest of the page continues on the next (header redrawn). */
  row(cells: Cell[], repeatHeader?: () => void) {
    let pending = cells.map((c) => ({ ...c }));
    for (;;) {
      const room = BOTTOM - this.y;
      const heights = pending.map((c) => this.height(c.text, c.col) + 2 * PAD);
      const needed = Math.max(...heights);
      // A row that fits on a fresh page moves there whole; a taller one is split where the page ends.
      if (needed > room && (needed <= BOTTOM - MARGIN.top || room < 60)) {
        this.newPage();
        repeatHeader?.();
        if (needed <= BOTTOM - this.y) {
          this.draw(pending, needed);
          return;
        }
        continue;
      }
      if (needed <= room) {
        this.draw(pending, needed);
        return;
      }
      const split = pending.map((c) => this.fitting(c.text, c.col, room));
      this.draw(
        pending.map((c, i) => ({ ...c, text: split[i]?.[0] ?? '' })),
        room,
      );
      // Label cells (shaded) say on the next page which field continues: 诉求内容（续）.
      pending = pending.map((c, i) => ({
        ...c,
        text: c.col.shade && !split[i]?.[1] ? `${cells[i]?.text ?? ''}（续）` : (split[i]?.[1] ?? ''),
      }));
      this.newPage();
      repeatHeader?.();
    }
  }

  private draw(cells: Cell[], height: number) {
    let x = MARGIN.left;
    for (const c of cells) {
      if (c.col.shade) this.doc.rect(x, this.y, c.col.width, height).fill(SHADE);
      this.doc.lineWidth(0.6).rect(x, this.y, c.col.width, height).stroke(BORDER);
      this.use(c.text, c.col.bold, c.col.size);
      this.doc.fillColor('#000000').text(c.text, x + PAD, this.y + PAD, {
        width: c.col.width - 2 * PAD,
        lineGap: LINE_GAP,
      });
      x += c.col.width;
    }
    this.y += height;
  }

  caption(text: string) {
    if (BOTTOM - this.y < 70) this.newPage();
    this.y += 6;
    this.use(text, true, 11);
    this.doc.fillColor('#000000').text(text, MARGIN.left, this.y, { lineBreak: false });
    this.y += 18;
  }

  heading(m: OrderPrintModel) {
    this.use(m.heading, true, 16);
    this.doc.text(m.heading, MARGIN.left, this.y, { width: WIDTH, align: 'center' });
    this.y += 30;
    // Number and status on the left; when and by whom it was printed on the right (two lines).
    const left = `工单编号：${m.orderNo}　　状态：${m.statusLabel}`;
    this.use(left + m.printedBy, false, 9);
    this.doc.text(left, MARGIN.left, this.y, { width: WIDTH * 0.5 });
    this.doc.text(`打印时间：${m.printedAt}`, MARGIN.left + WIDTH * 0.5, this.y, {
      width: WIDTH * 0.5,
      align: 'right',
    });
    this.y += 13;
    this.doc.text(`打印人：${m.printedBy}`, MARGIN.left + WIDTH * 0.3, this.y, {
      width: WIDTH * 0.7,
      align: 'right',
    });
    this.y += 13;
  }

  fields(fields: readonly PrintField[]) {
    const label: Column = { width: WIDTH * 0.15, shade: true, bold: true };
    const value: Column = { width: WIDTH * 0.35 };
    const wideValue: Column = { width: WIDTH * 0.85 };
    let pair: PrintField[] = [];
    const flush = () => {
      const [a, b] = pair;
      if (a && b) {
        this.row([
          { text: a.label, col: label },
          { text: a.value, col: value },
          { text: b.label, col: label },
          { text: b.value, col: value },
        ]);
      } else if (a) {
        this.row([
          { text: a.label, col: label },
          { text: a.value, col: wideValue },
        ]);
      }
      pair = [];
    };
    for (const f of fields) {
      if (f.wide) {
        flush();
        pair = [f];
        flush();
      } else {
        pair.push(f);
        if (pair.length === 2) flush();
      }
    }
    flush();
  }

  table(head: string[], widths: number[], rows: string[][], small = -1) {
    const cols = widths.map((w) => ({ width: WIDTH * w }));
    const header = () =>
      this.row(head.map((h, i) => ({ text: h, col: { ...(cols[i] as Column), shade: true, bold: true } })));
    header();
    if (rows.length === 0) {
      this.row([{ text: '无', col: { width: WIDTH } }]);
      return;
    }
    for (const r of rows) {
      this.row(
        r.map((text, i) => ({
          text,
          col: { ...(cols[i] as Column), ...(i === small ? { size: 7.5 } : {}) },
        })),
        header,
      );
    }
  }

  note(text: string) {
    this.use(text, false, 8.5);
    const h = this.doc.heightOfString(text, { width: WIDTH });
    if (this.y + h + 8 > BOTTOM) this.newPage();
    this.y += 8;
    this.doc.fillColor('#444444').text(text, MARGIN.left, this.y, { width: WIDTH });
    this.y += h;
  }

  /** The footer on every page; the bottom margin is lifted while drawing so pdfkit adds no page. */
  footers(orderNo: string) {
    const range = this.doc.bufferedPageRange();
    for (let i = 0; i < range.count; i++) {
      this.doc.switchToPage(range.start + i);
      const page = this.doc.page;
      const saved = page.margins.bottom;
      page.margins.bottom = 0;
      const text = `工单号 ${orderNo} · 第 ${i + 1} 页 共 ${range.count} 页`;
      this.use(text, false, 8.5);
      this.doc.fillColor('#444444').text(text, MARGIN.left, PAGE.height - 34, {
        width: WIDTH,
        align: 'center',
        lineBreak: false,
      });
      page.margins.bottom = saved;
    }
  }
}

export function renderOrderPdf(m: OrderPrintModel): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    info: { Title: `工单 ${m.orderNo}`, Subject: m.heading, Creator: 'Huawu', Producer: 'Huawu (pdfkit)' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const w = new FormWriter(doc);
  w.heading(m);
  for (const s of m.sections) {
    w.caption(s.title);
    w.fields(s.fields);
  }
  w.caption('办理过程');
  w.table(
    ['时间', '操作人', '操作', '说明'],
    [0.18, 0.15, 0.17, 0.5],
    m.timeline.map((t) => [t.at, t.actor, t.action, t.comment]),
  );
  w.caption('附件');
  w.table(
    ['文件名', '大小', 'SHA-256'],
    [0.36, 0.1, 0.54],
    m.attachments.map((a) => [a.name, a.size, a.sha256]),
    2,
  );
  if (m.archive) w.note(`归档记录：第 ${m.archive.archiveSeq} 号，记录哈希 ${m.archive.recordHash}`);
  w.note('本工单由系统生成；内部办理说明不在打印范围内。');
  w.footers(m.orderNo);
  doc.end();
  return done;
}
