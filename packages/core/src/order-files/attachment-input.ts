import type { FieldIssue } from '@huawu/domain';
import { AppError } from '../app-error.js';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_NAME_MAX,
  ATTACHMENT_TYPES,
  ATTACHMENT_VISIBILITIES,
  type AttachmentVisibility,
  BLOCKED_EXTENSIONS,
  extensionOf,
} from './attachment-types.js';

export interface AttachmentUpload {
  fileName: unknown;
  visibility?: unknown;
  content: unknown;
}

export interface CheckedUpload {
  fileName: string;
  mimeType: string;
  visibility: AttachmentVisibility;
  content: Uint8Array;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function fileNameProblem(name: unknown): string | undefined {
  if (typeof name !== 'string' || name.trim() === '') return '请填写文件名';
  if (name.length > ATTACHMENT_NAME_MAX) return `文件名不能超过 ${ATTACHMENT_NAME_MAX} 个字符`;
  if (CONTROL.test(name)) return '文件名含有不可见的控制字符';
  if (/[/\\]/.test(name)) return '文件名不能包含路径分隔符（/ 或 \\）';
  if (name.trim() !== name) return '文件名首尾不能有空格';
  const ext = extensionOf(name);
  if (ext === '') return '文件名须带扩展名（如 .pdf、.jpg、.docx）';
  if (BLOCKED_EXTENSIONS.has(ext)) return `不允许上传可执行文件、脚本或网页（.${ext}）`;
  if (!Object.hasOwn(ATTACHMENT_TYPES, ext)) {
    return `不支持的文件类型（.${ext}），请上传办公文档、图片、PDF、文本、压缩包或录音`;
  }
  return undefined;
}

/** Checks an upload: name and type, visibility, and 1 byte to 10 MiB of content. */
export function checkUpload(input: AttachmentUpload): CheckedUpload {
  const issues: FieldIssue[] = [];
  const nameProblem = fileNameProblem(input.fileName);
  if (nameProblem) issues.push({ field: 'fileName', message: nameProblem });
  const visibility = input.visibility ?? 'internal';
  if (
    typeof visibility !== 'string' ||
    !(ATTACHMENT_VISIBILITIES as readonly string[]).includes(visibility)
  ) {
    issues.push({ field: 'visibility', message: '可见范围应为 internal（内部）或 public（可公开）' });
  }
  const content = input.content;
  if (!(content instanceof Uint8Array)) {
    issues.push({ field: 'content', message: '请以 application/octet-stream 上传文件内容' });
  } else if (content.byteLength === 0) {
    issues.push({ field: 'content', message: '文件为空' });
  } else if (content.byteLength > ATTACHMENT_MAX_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', '附件不能超过 10 MB', [
      { field: 'content', message: '附件不能超过 10 MB' },
    ]);
  }
  if (issues.length > 0) {
    throw new AppError('VALIDATION_FAILED', `输入不符合要求：${issues[0]?.message}`, issues);
  }
  const fileName = input.fileName as string;
  return {
    fileName,
    mimeType: ATTACHMENT_TYPES[extensionOf(fileName)] as string,
    visibility: visibility as AttachmentVisibility,
    content: content as Uint8Array,
  };
}
