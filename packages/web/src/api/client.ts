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

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ code: 'NETWORK_ERROR', message: '无法连接服务器，请检查网络', status: 0 });
  }
  const data = await readJson(response);
  if (!response.ok) {
    const error = toApiError(response, data);
    if (response.status === 401 && SESSION_CODES.has(error.code)) onUnauthenticated();
    throw error;
  }
  return data as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {}),
};
