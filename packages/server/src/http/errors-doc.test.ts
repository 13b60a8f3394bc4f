import { readFileSync } from 'node:fs';
import { ERROR_CODES } from '@huawu/domain';
import { describe, expect, it } from 'vitest';
import { ERROR_STATUS } from './error-status.js';

/**
 * docs/ERRORS.md is kept in sync with the code by this test (as Fastify does for its error docs): every
 * code in ERROR_CODES appears once, with the HTTP status of ERROR_STATUS, the exit code of the CLI's
 * EXIT_CODE and its default message, and no other code appears.
 */
const root = new URL('../../../../', import.meta.url);
const doc = readFileSync(new URL('docs/ERRORS.md', root), 'utf8');

function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`docs/ERRORS.md has no "## ${heading}" section`);
  const next = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, next < 0 ? undefined : next);
}

interface DocRow {
  code: string;
  http: number;
  exit: number;
  message: string;
  when: string;
}

function docRows(): DocRow[] {
  return section(doc, 'Codes')
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const cells = line
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim());
      expect(cells, line).toHaveLength(5);
      const [code, http, exit, message, when] = cells as [string, string, string, string, string];
      return { code: code.replaceAll('`', ''), http: Number(http), exit: Number(exit), message, when };
    });
}

/**
 * The CLI's tables, read from its source: the server may not import the CLI (dependency-cruiser rule
 * `server-not-cli-or-web`), and a text check is all this documentation test needs.
 */
function cliTables(): { exit: Record<string, number>; exitCode: Record<string, number> } {
  const source = readFileSync(new URL('packages/cli/src/exit-codes.ts', root), 'utf8');
  const exitBlock = /export const EXIT = \{([^}]*)\}/.exec(source)?.[1];
  const codeBlock = /export const EXIT_CODE[^=]*= \{([^}]*)\}/.exec(source)?.[1];
  if (!exitBlock || !codeBlock)
    throw new Error('cannot read EXIT / EXIT_CODE from packages/cli/src/exit-codes.ts');
  const exit = Object.fromEntries(
    [...exitBlock.matchAll(/(\w+):\s*(\d+)/g)].map((m) => [m[1], Number(m[2])]),
  );
  const exitCode = Object.fromEntries(
    [...codeBlock.matchAll(/(\w+):\s*EXIT\.(\w+)/g)].map((m) => {
      const value = exit[m[2] as string];
      if (value === undefined) throw new Error(`EXIT_CODE.${m[1]} uses unknown EXIT.${m[2]}`);
      return [m[1], value];
    }),
  );
  return { exit, exitCode };
}

describe('docs/ERRORS.md', () => {
  const rows = docRows();
  const codes = Object.keys(ERROR_CODES);

  it('lists every error code exactly once, in the order of ERROR_CODES, and no other', () => {
    expect(rows.map((r) => r.code)).toEqual(codes);
  });

  it('gives each code the HTTP status of ERROR_STATUS', () => {
    expect(Object.fromEntries(rows.map((r) => [r.code, r.http]))).toEqual(ERROR_STATUS);
  });

  it("gives each code the CLI's exit code", () => {
    const { exitCode } = cliTables();
    expect(Object.keys(exitCode).sort()).toEqual([...codes].sort());
    expect(Object.fromEntries(rows.map((r) => [r.code, r.exit]))).toEqual(exitCode);
  });

  it('shows the default message of each code and says when it happens', () => {
    for (const row of rows) {
      expect(row.message, row.code).toBe(ERROR_CODES[row.code as keyof typeof ERROR_CODES]);
      expect(row.when.length, row.code).toBeGreaterThan(20);
    }
  });

  it('lists the CLI exit codes 0–7 with the meanings of EXIT and of `huawu --help`', () => {
    const meanings = {
      0: 'ok',
      1: 'internal error',
      2: 'usage',
      3: 'invalid input',
      4: 'not found',
      5: 'conflict',
      6: 'permission denied',
      7: 'audit chain broken',
    };
    const listed = Object.fromEntries(
      [...section(doc, 'CLI exit codes').matchAll(/^- `(\d)` — ([a-z ]+?)(?::|$| \()/gm)].map((m) => [
        Number(m[1]),
        m[2],
      ]),
    );
    expect(listed).toEqual(meanings);
    const { exit } = cliTables();
    expect(exit).toEqual({
      ok: 0,
      internal: 1,
      usage: 2,
      invalid: 3,
      notFound: 4,
      conflict: 5,
      denied: 6,
      auditBroken: 7,
    });
    const help = readFileSync(new URL('packages/cli/src/main.ts', root), 'utf8');
    const line = /Exit codes: ([^.']+)\./.exec(help)?.[1] ?? '';
    const fromHelp = Object.fromEntries(
      line.split(', ').map((part) => [Number(part.slice(0, 1)), part.slice(2)]),
    );
    expect(fromHelp).toEqual(meanings);
  });

  it('documents the wire format with requestId and field paths', () => {
    const wire = section(doc, 'Wire format');
    for (const term of [
      '"error"',
      '"code"',
      '"message"',
      '"details"',
      '"issues"',
      '"requestId"',
      'x-request-id',
      'querystring.page',
      'input.leadUnitId',
    ]) {
      expect(wire).toContain(term);
    }
  });
});
