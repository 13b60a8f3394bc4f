import { type KbImportIssue, fromSpreadsheetCell } from '@huawu/domain';
import { parse } from 'csv-parse/sync';
import { AppError } from '../app-error.js';

/** The largest CSV an import accepts (the HTTP route has the same body limit). */
export const KB_IMPORT_MAX_BYTES = 10 * 1024 * 1024;

/** UTF-8 text of an upload; other encodings (Excel's GBK "CSV") are refused with a hint. */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes.byteLength > KB_IMPORT_MAX_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', `文件超过 ${KB_IMPORT_MAX_BYTES / 1024 / 1024} MiB`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw AppError.validation('file', '文件不是 UTF-8 编码（在 Excel 中请另存为「CSV UTF-8（逗号分隔）」）');
  }
}

const PARSE_ERRORS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: '引号未闭合（此后的内容无法读取）',
  CSV_INVALID_CLOSING_QUOTE: '引号后紧跟了其他字符',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: '引号后紧跟了其他字符',
};

/**
 * Records of a CSV text with the line each starts on (header = line 1, which is the spreadsheet row
 * when no cell spans lines). Records the parser cannot read are reported, not fatal.
 */
export function readCsv(text: string): { records: string[][]; rows: number[]; broken: KbImportIssue[] } {
  if (text.length > KB_IMPORT_MAX_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', `文件超过 ${KB_IMPORT_MAX_BYTES / 1024 / 1024} MiB`);
  }
  const rows: number[] = [];
  const broken: KbImportIssue[] = [];
  let lines = 0;
  const records = parse(text, {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: false,
    skip_records_with_error: true,
    on_record: (record: string[], context: { lines: number }) => {
      rows.push(lines + 1);
      lines = context.lines;
      return record.map(fromSpreadsheetCell);
    },
    on_skip: (error: { code?: string; lines?: number } | undefined) => {
      broken.push({
        row: lines + 1,
        field: 'columns',
        message: `CSV 格式错误：${PARSE_ERRORS[error?.code ?? ''] ?? '无法解析本行'}`,
      });
      lines = error?.lines ?? lines + 1;
    },
  }) as string[][];
  return { records, rows, broken };
}
