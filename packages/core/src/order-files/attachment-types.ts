/**
 * Which files may be attached to a work order, by extension: office documents, images, PDF/OFD, plain
 * text, archives and call recordings. The stored MIME type comes from this table, never from the
 * client, so a download is always served as what its name says it is.
 */
export const ATTACHMENT_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  ofd: 'application/ofd',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  rtf: 'application/rtf',
  txt: 'text/plain',
  csv: 'text/csv',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  bmp: 'image/bmp',
  webp: 'image/webp',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  heic: 'image/heic',
  zip: 'application/zip',
  rar: 'application/vnd.rar',
  '7z': 'application/x-7z-compressed',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  amr: 'audio/amr',
  mp4: 'video/mp4',
};

/** Programs, scripts and active documents: named in the refusal so the user knows why. */
export const BLOCKED_EXTENSIONS: ReadonlySet<string> = new Set([
  'exe',
  'com',
  'bat',
  'cmd',
  'msi',
  'scr',
  'dll',
  'pif',
  'cpl',
  'sys',
  'lnk',
  'reg',
  'hta',
  'sh',
  'bash',
  'ps1',
  'psm1',
  'vbs',
  'vbe',
  'js',
  'mjs',
  'cjs',
  'jse',
  'wsf',
  'jar',
  'py',
  'pl',
  'php',
  'rb',
  'html',
  'htm',
  'xhtml',
  'shtml',
  'svg',
  'xml',
  'apk',
  'app',
  'dmg',
  'deb',
  'rpm',
  'iso',
]);

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_NAME_MAX = 200;
export const ATTACHMENT_VISIBILITIES = ['internal', 'public'] as const;
export type AttachmentVisibility = (typeof ATTACHMENT_VISIBILITIES)[number];

/** The lower-case extension after the last dot, or '' when there is none. */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot <= 0 || dot === fileName.length - 1 ? '' : fileName.slice(dot + 1).toLowerCase();
}
