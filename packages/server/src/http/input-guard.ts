import { AppError } from '@huawu/core';
import type { FastifyInstance } from 'fastify';

/**
 * Refuses U+0000 anywhere in a request's path parameters, query or JSON body (values and keys).
 * PostgreSQL text cannot store it (the insert or even a lookup fails with a 500), SQLite would keep it
 * silently; it is never meaningful in a work order, so both databases answer 400 with the field path.
 * The walk is iterative: a deeply nested JSON body cannot overflow the stack.
 */
export function findNul(root: unknown, prefix: string): string | undefined {
  const stack: { value: unknown; path: string }[] = [{ value: root, path: prefix }];
  const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: string };
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return path || 'body';
    } else if (ArrayBuffer.isView(value)) {
      // Raw bytes (a CSV upload) are the import's to read cell by cell; walking them as an object
      // would cost a string per byte (seconds and hundreds of MB for a few MiB, before any login check).
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: `${path}[${i}]` });
    } else if (value !== null && typeof value === 'object') {
      for (const key of Object.keys(value)) {
        if (key.includes('\u0000')) return join(path, key.replaceAll('\u0000', '\\u0000'));
        stack.push({ value: (value as Record<string, unknown>)[key], path: join(path, key) });
      }
    }
  }
  return undefined;
}

export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const parts: [string, unknown][] = [
      ['params', request.params],
      ['querystring', request.query],
      ['', request.body],
    ];
    for (const [prefix, value] of parts) {
      const field = findNul(value, prefix);
      if (field !== undefined) {
        throw new AppError('VALIDATION_FAILED', '输入不符合要求：不能包含空字符（U+0000）', [
          { field, message: '不能包含空字符（U+0000）' },
        ]);
      }
    }
  });
}
