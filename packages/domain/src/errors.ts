/**
 * Stable error codes. Every failure that crosses a boundary carries one of these; the server maps them
 * to HTTP statuses (server/src/http/error-status.ts), the CLI to exit codes, and docs/ERRORS.md
 * describes each (a test keeps the three in sync).
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: '输入不符合要求',
  MALFORMED_REQUEST: '请求格式错误',
  PAYLOAD_TOO_LARGE: '请求内容过大',
  UNSUPPORTED_MEDIA_TYPE: '不支持的内容类型，请使用 application/json',
  UNAUTHENTICATED: '请先登录',
  SESSION_EXPIRED: '登录已过期，请重新登录',
  INVALID_CREDENTIALS: '用户名或密码错误',
  RATE_LIMITED: '尝试次数过多，请稍后再试',
  FORBIDDEN: '无权执行此操作',
  NOT_FOUND: '未找到',
  CONFLICT: '与现有数据冲突',
  VERSION_CONFLICT: '工单已被他人更新，请刷新后重试',
  UNKNOWN_EVENT: '未知的操作',
  TRANSITION_NOT_ALLOWED: '当前状态下不能执行此操作',
  ROLE_NOT_PERMITTED: '您的角色不能执行此操作',
  GUARD_FAILED: '不满足执行条件',
  CALENDAR_YEAR_MISSING: '缺少该年度的节假日数据',
  INTERNAL: '系统内部错误',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface FieldIssue {
  /** Path of the offending field, e.g. `input.leadUnitId` or `callerPhone`. */
  field: string;
  message: string;
}

/** A rule-level failure, returned (not thrown) by pure domain functions. */
export interface DomainFailure {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainFailure };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message?: string, issues?: FieldIssue[]): Result<never> => ({
  ok: false,
  error: { code, message: message ?? ERROR_CODES[code], ...(issues ? { issues } : {}) },
});
