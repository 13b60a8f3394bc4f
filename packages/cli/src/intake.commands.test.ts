import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliTestbed } from './test-support/cli-testbed.js';

const { dir, run } = useCliTestbed('categories');

const GOOD = 'code,name,parent_code,emergency_hint\n17,数据服务,,\n1701,公共数据开放,17,\n';

describe('huawu categories', () => {
  it('imports a CSV (dry run first writes nothing), then updates on re-import', async () => {
    const file = join(dir, 'good.csv');
    writeFileSync(file, GOOD);
    const dry = await run('categories', 'import', file, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain(
      'would import (dry run, nothing written): 2 created, 0 updated, 0 rejected of 2 rows',
    );
    expect((await run('categories', 'export')).out).not.toContain('公共数据开放');
    const first = await run('categories', 'import', file);
    expect(first.code).toBe(0);
    expect(first.out).toContain('imported: 2 created, 0 updated, 0 rejected of 2 rows');
    const again = await run('categories', 'import', file);
    expect(again.out).toContain('0 created, 2 updated');
  });

  it('keeps the valid rows and exits 3 when rows are rejected; 4 for a missing file', async () => {
    const file = join(dir, 'mixed.csv');
    writeFileSync(file, '1702,开放数据目录,17\n1703,,17\n1801,孤儿分类,18\n');
    const r = await run('categories', 'import', file);
    expect(r.code).toBe(3);
    expect(r.out).toContain('imported: 1 created, 0 updated, 2 rejected of 3 rows');
    expect(r.err).toContain('rejected row 2 name: 请填写分类名称');
    expect(r.err).toContain('rejected row 3 parent_code: 上级分类 18 不存在或无效');
    expect((await run('categories', 'export')).out).toContain('1702,开放数据目录,17,');
    expect((await run('categories', 'import', join(dir, 'missing.csv'))).code).toBe(4);
    const gbk = join(dir, 'gbk.csv');
    writeFileSync(gbk, Buffer.from([0x31, 0x39, 0x2c, 0xc9, 0xe7, 0x0a]));
    const wrong = await run('categories', 'import', gbk);
    expect(wrong.code).toBe(3);
    expect(wrong.err).toContain('UTF-8');
  });

  it('exports an importable CSV to a file or standard output', async () => {
    const out = join(dir, 'export.csv');
    const r = await run('categories', 'export', '-o', out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/exported \d+ categories/);
    const text = readFileSync(out, 'utf8');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('\uFEFFcode,name,parent_code,emergency_hint');
    expect(lines).toContain('01,城乡建设,,');
    expect(lines).toContain('1701,公共数据开放,17,');
    expect(text).toMatch(/\n0102,井盖与地下管网,01,井盖缺失/);
    // The export goes back in unchanged: every row is an update, none rejected.
    const back = await run('categories', 'import', out);
    expect(back.code).toBe(0);
    expect(back.out).toMatch(/imported: 0 created, (\d+) updated, 0 rejected of \1 rows/);
  });
});
