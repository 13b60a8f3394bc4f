/** Thin fetch wrapper for the Huawu JSON API: same-origin cookie session, typed errors. */

export interface FieldIssue {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly issues: FieldIssue[];
  readonly requestId: string | undefined;
  readonly details: unknown;

  constructor(init: {
    code: string;
    message: string;
    status: number;
    issues?: FieldIssue[];
    requestId?: string;
    details?: unknown;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.code = init.code;
    this.status = init.status;
    this.issues = init.issues ?? [];
    this.requestId = init.requestId;
    this.details = init.details;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Human-readable text for any thrown value (server messages are already Chinese). */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return '发生未知错误';
}

const SESSION_CODES = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED']);

let onUnauthenticated: () => void = () => {
  if (!window.location.pathname.startsWith('/login')) window.location.assign('/login');
};

/** Lets the router replace the hard redirect with client-side navigation. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

export type QueryValue = string | number | boolean | undefined | null;

export function buildQuery(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: { issues?: FieldIssue[] } & Record<string, unknown> };
  requestId?: string;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function toApiError(response: Response, body: unknown): ApiError {
  const parsed = (body ?? {}) as ErrorBody;
  const error = parsed.error ?? {};
  return new ApiError({
    code: error.code ?? (response.status >= 500 ? 'INTERNAL' : 'HTTP_ERROR'),
    message: error.message ?? `请求失败（HTTP ${response.status}）`,
    status: response.status,
    issues: Array.isArray(error.details?.issues) ? error.details.issues : [],
    requestId: parsed.requestId ?? response.headers.get('x-request-id') ?? undefined,
    details: error.details,
  });
}

/**
 * One HTTP exchange with the API: same-origin cookie, network failures and error bodies turned into
 * `ApiError` (a lost session sends the user to the login page). An aborted request rejects with the
 * browser's AbortError. JSON, CSV uploads and file downloads all go through here.
 */
export async function send(path: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', ...init });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new ApiError({ code: 'NETWORK_ERROR', message: '无法连接服务器，请检查网络', status: 0 });
  }
  if (!response.ok) {
    const error = toApiError(response, await readJson(response));
    if (response.status === 401 && SESSION_CODES.has(error.code)) onUnauthenticated();
    throw error;
  }
  return response;
}

/** A JSON request; `signal` lets live checks and searches cancel the previous one. */
export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  const response = await send(path, {
    method,
    signal,
    headers: {
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await readJson(response)) as T;
}

export const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/** POST of a CSV file's text (imports); the answer is JSON. */
export async function postCsv<T>(path: string, csv: string): Promise<T> {
  const response = await send(path, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'text/csv; charset=utf-8' },
    body: csv,
  });
  return (await readJson(response)) as T;
}

/** GET of a file (exports): its content and the file name the server suggests. */
export async function download(
  path: string,
  fallbackName: string,
): Promise<{ blob: Blob; filename: string }> {
  const response = await send(path, { method: 'GET' });
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  const filename = encoded ? decodeURIComponent(encoded) : (plain ?? fallbackName);
  return { blob: await response.blob(), filename };
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {}),
};
