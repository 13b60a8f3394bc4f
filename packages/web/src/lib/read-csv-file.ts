/**
 * The text of a CSV file chosen in the browser: UTF-8 (a BOM is dropped), or GB18030 when the bytes are
 * not UTF-8 — spreadsheets saved on Chinese Windows often are.
 */
export async function readCsvFile(file: Blob): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
