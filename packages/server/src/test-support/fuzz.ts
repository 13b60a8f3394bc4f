import { ERROR_CODES, type ErrorCode } from '@huawu/domain';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { ERROR_STATUS } from '../http/error-status.js';

/** Building blocks of the HTTP fuzz suites: a seeded generator, hostile values and the response check. */

/** mulberry32: a tiny seeded generator, so a failing fuzz case can be replayed from its seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Stands for a deeply nested value (JSON.stringify itself would overflow the test's stack on it). */
export const DEEP = '\u2063deep\u2063';
export const withDeep = (text: string, rand: () => number) => {
  const depth = 1000 + Math.floor(rand() * 50_000);
  return text.replaceAll(JSON.stringify(DEEP), `${'['.repeat(depth)}${']'.repeat(depth)}`);
};

export const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
  '😀👨‍👩‍👧‍👦',
  '\u202e\u200b\ufeff',
  '測試\t\r\n',
  "'; drop table work_orders; --",
  '%_\\',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose
  '{{7*7}}${7*7}',
  'null',
  'true',
  '1e309',
  '__proto__',
  'constructor',
  'prototype',
  'city-housing',
  'centre',
  '13912345678',
];
export const NASTY_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  'valueOf',
  '',
  ' ',
  '𝓀',
];
export const NASTY_NUMBERS = [
  0,
  -0,
  1,
  -1,
  1.5,
  2 ** 31,
  2 ** 53 + 1,
  -(2 ** 63),
  1e308,
  -1e-308,
  Number.MAX_SAFE_INTEGER,
];
export const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'APPLICATION/JSON',
  'application/json-patch+json',
  'application/vnd.api+json',
  'application/octet-stream',
  'json',
  ';;;',
];
export const BAD_JSON = [
  '{',
  '{"title":',
  '{"a":1,}',
  "{'a':1}",
  '[1,2',
  'NaN',
  'undefined',
  '\ufeff{}',
  '{"a":"\\x41"}',
  '{"a":01}',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"a":{"__proto__":{"polluted":true}}}',
  '"just a string"',
  '42',
  'null',
  '{}{}',
  '\u0000',
];

/**
 * Random JSON values over a seeded generator: hostile strings (huge, NUL, lone surrogates, random code
 * points), edge numbers, nested arrays/objects with hostile keys. `keys` are the plausible field names
 * objects use half of the time; `words` the plausible short strings (event names, enum values).
 */
export function valueGenerator(
  rand: () => number,
  vocabulary: { keys: readonly string[]; words: readonly string[] },
) {
  const int = (n: number) => Math.floor(rand() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  const chance = (p: number) => rand() < p;

  const string = (): string => {
    switch (int(6)) {
      case 0:
        return pick(NASTY_STRINGS);
      case 1: // huge: up to ~300 000 characters (some multi-byte), sometimes past the body limit
        return pick(['x', '长', '😀', '\u0000']).repeat(int(chance(0.2) ? 400_000 : 5_000));
      case 2:
        return String.fromCodePoint(...Array.from({ length: int(20) }, () => int(0x2ffff)));
      case 3:
        return pick(vocabulary.words);
      default:
        return Math.abs(int(2 ** 31)).toString(36);
    }
  };
  const number = (): number => (chance(0.5) ? pick(NASTY_NUMBERS) : (rand() - 0.5) * 10 ** int(20));
  const value = (depth = 0): Json => {
    const kind = int(depth > 3 ? 4 : 7);
    switch (kind) {
      case 0:
        return null;
      case 1:
        return chance(0.5);
      case 2:
        return number();
      case 3:
        return string();
      case 4:
        if (chance(0.05)) return DEEP; // replaced by deeply nested arrays in the JSON text
        return Array.from({ length: int(6) }, () => value(depth + 1));
      default:
        return object(depth + 1);
    }
  };
  /** Sets an own property, even one named "__proto__" (JSON.parse semantics, like a hostile client). */
  const put = (o: { [key: string]: Json }, key: string, v: Json) => {
    Object.defineProperty(o, key, { value: v, enumerable: true, configurable: true, writable: true });
  };
  const object = (depth = 0): { [key: string]: Json } => {
    const o: { [key: string]: Json } = {};
    for (let i = int(6); i > 0; i--) {
      const key = chance(0.25)
        ? pick(NASTY_KEYS)
        : chance(0.5)
          ? string().slice(0, 40)
          : pick(vocabulary.keys);
      put(o, key, value(depth));
    }
    return o;
  };
  return { rand, int, pick, chance, string, number, value, object, put };
}

export function describeCase(o: InjectOptions): string {
  const body = typeof o.payload === 'string' ? o.payload : JSON.stringify(o.payload ?? null);
  return `${o.method} ${String(o.url).slice(0, 120)} [${String(o.headers?.['content-type'])}] ${body?.slice(0, 300)}`;
}

/** encodeURIComponent, except that a lone surrogate (which it refuses) is sent as a raw bad escape. */
export function safeEncode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return `%ED%A0%80${text.length}`;
  }
}

/**
 * Why a fuzz response is unacceptable, or undefined when it is fine: no 5xx, only 200/201 (or the
 * listed) successes, every error in the error format with a known code. `strict` also requires the
 * code's documented status and field paths on every VALIDATION_FAILED.
 */
export function checkResponse(
  res: LightMyRequestResponse,
  options: { strict?: boolean; success?: readonly number[] } = {},
): string | undefined {
  const success = options.success ?? [200, 201];
  if (res.statusCode >= 500) return `status ${res.statusCode}`;
  if (res.statusCode < 400) return success.includes(res.statusCode) ? undefined : `status ${res.statusCode}`;
  let body: {
    error?: { code?: string; message?: unknown; details?: { issues?: unknown } };
    requestId?: unknown;
  };
  try {
    body = res.json();
  } catch {
    return 'non-JSON error body';
  }
  if (!body.error?.code || !Object.hasOwn(ERROR_CODES, body.error.code))
    return `unknown code ${body.error?.code}`;
  if (typeof body.error.message !== 'string' || body.error.message.length === 0) return 'no message';
  if (body.requestId !== res.headers['x-request-id']) return 'requestId differs from x-request-id';
  if (options.strict) {
    const code = body.error.code as ErrorCode;
    if (ERROR_STATUS[code] !== res.statusCode) return `code ${code} with status ${res.statusCode}`;
    const issues = body.error.details?.issues;
    if (code === 'VALIDATION_FAILED') {
      if (!Array.isArray(issues) || issues.length === 0) return 'VALIDATION_FAILED without issues';
      for (const issue of issues as { field?: unknown; message?: unknown }[]) {
        if (typeof issue.field !== 'string' || issue.field === '') return 'issue without a field path';
        if (typeof issue.message !== 'string' || issue.message === '') return 'issue without a message';
      }
    }
  }
  return undefined;
}
