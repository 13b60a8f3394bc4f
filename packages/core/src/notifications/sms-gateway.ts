import { AppError } from '../app-error.js';

/** Where SMS notifications go. A real provider implements this; the default only logs. */
export interface SmsGateway {
  readonly name: string;
  send(message: {
    to: string;
    text: string;
    notificationId: string;
  }): Promise<{ ok: boolean; error?: string }>;
}

/**
 * The default gateway: sends nothing. The attempt is written to the delivery log (target = number,
 * ok) by the worker, so admins see what would have been sent.
 */
export const loggingSmsGateway: SmsGateway = {
  name: 'log',
  async send() {
    return { ok: true };
  },
};

export const SMS_TIMEOUT_MS = 10_000;
const FIELD = 'HUAWU_SMS_URL';

export interface HttpSmsConfig {
  /** http(s) URL of the provider's (or an in-house relay's) endpoint. */
  url: string;
  /** Sent as `Authorization: Bearer <token>` when set. */
  token?: string;
}

/**
 * Checks the SMS gateway settings when the server starts: an http/https URL without credentials in it.
 * Throws VALIDATION_FAILED naming the setting (`HUAWU_SMS_URL`), so the server refuses to start with a
 * clear message instead of failing every delivery.
 */
export function validateSmsConfig(config: HttpSmsConfig): HttpSmsConfig {
  let url: URL;
  try {
    url = new URL(config.url);
  } catch {
    throw AppError.validation(FIELD, `短信网关地址不是有效的网址：${JSON.stringify(config.url)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw AppError.validation(FIELD, `短信网关地址须以 http:// 或 https:// 开头（当前为 ${url.protocol}）`);
  }
  if (url.username || url.password) {
    throw AppError.validation(FIELD, '短信网关地址不能包含用户名或密码，请用 HUAWU_SMS_TOKEN');
  }
  const token = config.token?.trim();
  return { url: url.toString(), ...(token ? { token } : {}) };
}

/**
 * The HTTP gateway: POSTs `{to, text, id}` as JSON (id = notification id; receivers de-duplicate on
 * it), 10 s timeout, no redirects. A 2xx answer is sent; any other answer, a timeout or a network error
 * is a failed attempt, which the outbox retries on its back-off.
 */
export function createHttpSmsGateway(
  config: HttpSmsConfig,
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
): SmsGateway {
  const { url, token } = validateSmsConfig(config);
  return {
    name: 'http',
    async send(message) {
      try {
        const response = await (options.fetch ?? fetch)(url, {
          method: 'POST',
          redirect: 'manual',
          signal: AbortSignal.timeout(options.timeoutMs ?? SMS_TIMEOUT_MS),
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'user-agent': 'Huawu-SMS/1',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify({ to: message.to, text: message.text, id: message.notificationId }),
        });
        await response.arrayBuffer().catch(() => undefined);
        return response.ok ? { ok: true } : { ok: false, error: `HTTP ${response.status}` };
      } catch (e) {
        return { ok: false, error: failureText(e) };
      }
    },
  };
}

/** The gateway the configuration names: HTTP when `sms.url` is set, else the logging one. */
export function smsGatewayFor(config: { sms?: HttpSmsConfig }): SmsGateway {
  return config.sms?.url ? createHttpSmsGateway(config.sms) : loggingSmsGateway;
}

function failureText(e: unknown): string {
  if (e instanceof Error) {
    const cause = (e as { cause?: { code?: string } }).cause;
    const head = e.name === 'TimeoutError' ? '超时' : e.message;
    return `${head}${cause?.code ? ` (${cause.code})` : ''}`.slice(0, 300);
  }
  return String(e).slice(0, 300);
}
