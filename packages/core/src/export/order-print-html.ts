import type { OrderPrintModel, PrintField, PrintSection } from './order-print-model.js';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as HTML: every character that could open markup or an attribute is escaped. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

const CSS = `
@page { size: A4; margin: 16mm 14mm 18mm; }
* { box-sizing: border-box; }
body { margin: 0; font: 10.5pt/1.5 "Noto Sans SC","Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif; color: #000; }
.form { max-width: 182mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 17pt; text-align: center; letter-spacing: 1px; margin: 0 0 3mm; }
.meta { display: flex; justify-content: space-between; font-size: 9.5pt; margin-bottom: 2mm; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin-bottom: 3mm; page-break-inside: auto; }
th, td { border: 0.6pt solid #333; padding: 1.4mm 2mm; vertical-align: top; text-align: left; word-break: break-all; white-space: pre-wrap; }
tr { page-break-inside: avoid; }
caption { caption-side: top; text-align: left; font-weight: bold; font-size: 11pt; padding: 1mm 0; }
th.label { width: 19%; background: #f0f0f0; font-weight: bold; white-space: nowrap; }
td.value { width: 31%; }
thead th { background: #e6e6e6; }
.mono { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 8pt; }
.foot { font-size: 8.5pt; color: #444; margin-top: 4mm; }
@media print { .form { padding: 0; } }
`;

function fieldRows(fields: readonly PrintField[]): string {
  const rows: string[] = [];
  let pair: PrintField[] = [];
  const cell = (f: PrintField, wide = false) =>
    `<th class="label" scope="row">${escapeHtml(f.label)}</th><td class="value"${wide ? ' colspan="3"' : ''}>${escapeHtml(f.value)}</td>`;
  const flush = () => {
    if (pair.length === 0) return;
    const [a, b] = pair;
    rows.push(`<tr>${b ? cell(a as PrintField) + cell(b) : cell(a as PrintField, true)}</tr>`);
    pair = [];
  };
  for (const f of fields) {
    if (f.wide) {
      flush();
      rows.push(`<tr>${cell(f, true)}</tr>`);
    } else {
      pair.push(f);
      if (pair.length === 2) flush();
    }
  }
  flush();
  return rows.join('\n');
}

const section = (s: PrintSection) =>
  `<table><caption>${escapeHtml(s.title)}</caption><colgroup><col style="width:17%"><col style="width:33%"><col style="width:17%"><col style="width:33%"></colgroup>\n${fieldRows(s.fields)}\n</table>`;

function grid(title: string, head: string[], widths: string[], rows: string[][], mono = -1): string {
  const cols = widths.map((w) => `<col style="width:${w}">`).join('');
  const body = rows.length
    ? rows
        .map(
          (r) =>
            `<tr>${r.map((c, i) => `<td${i === mono ? ' class="mono"' : ''}>${escapeHtml(c)}</td>`).join('')}</tr>`,
        )
        .join('\n')
    : `<tr><td colspan="${head.length}">无</td></tr>`;
  return `<table><caption>${escapeHtml(title)}</caption><colgroup>${cols}</colgroup><thead><tr>${head
    .map((h) => `<th>${escapeHtml(h)}</th>`)
    .join('')}</tr></thead>\n<tbody>${body}</tbody></table>`;
}

/**
 * One self-contained HTML document (inline CSS, no scripts, no external resources) laid out like the
 * paper 工单 form: label/value grid per section, then the timeline and the attachments. Every value is
 * escaped; the page is meant for the browser's print dialogue (A4).
 */
export function renderOrderHtml(m: OrderPrintModel): string {
  const archive = m.archive
    ? `<p class="foot">归档记录：第 ${m.archive.archiveSeq} 号，记录哈希 <span class="mono">${escapeHtml(m.archive.recordHash)}</span></p>`
    : '';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(`工单 ${m.orderNo}`)}</title>
<style>${CSS}</style>
</head>
<body>
<main class="form">
<h1>${escapeHtml(m.heading)}</h1>
<div class="meta"><span>工单编号：<strong>${escapeHtml(m.orderNo)}</strong></span><span>状态：${escapeHtml(m.statusLabel)}</span><span>打印：${escapeHtml(m.printedAt)}　${escapeHtml(m.printedBy)}</span></div>
${m.sections.map(section).join('\n')}
${grid(
  '办理过程',
  ['时间', '操作人', '操作', '说明'],
  ['19%', '16%', '17%', '48%'],
  m.timeline.map((t) => [t.at, t.actor, t.action, t.comment]),
)}
${grid(
  '附件',
  ['文件名', '大小', 'SHA-256'],
  ['34%', '11%', '55%'],
  m.attachments.map((a) => [a.name, a.size, a.sha256]),
  2,
)}
${archive}
<p class="foot">本工单由系统生成；内部办理说明不在打印范围内。</p>
</main>
</body>
</html>
`;
}
