import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliTestbed } from './test-support/cli-testbed.js';

const { dir, run } = useCliTestbed('kb');

const HEADER = 'department,main_item,item_name,item_code,area_code,task_type,dept_code,link';
const GOOD = [
  HEADER,
  '"区人社局","未分类","失业保险金申领","CLI-001","511602000000","1","0001","http://www.sczwfw.gov.cn/a"',
  '"区人社局","未分类","社会保障卡申领","CLI-002","511602000000","1","0001","http://www.sczwfw.gov.cn/b"',
].join('\n');

describe('huawu kb', () => {
  it('imports a CSV (dry run first), then re-imports it unchanged', async () => {
    const file = join(dir, 'good.csv');
    writeFileSync(file, GOOD);
    const dry = await run('kb', 'import', file, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('would import (dry run, nothing written): 2 created');
    const first = await run('kb', 'import', file);
    expect(first.code).toBe(0);
    expect(first.out).toContain('imported: 2 created, 0 updated, 0 unchanged, 0 rejected of 2 rows');
    expect(first.out).toContain('未找到名为「区人社局」的单位');
    const again = await run('kb', 'import', file);
    expect(again.out).toContain('0 created, 0 updated, 2 unchanged');
  });

  it('keeps the valid rows and exits 3 when rows are rejected', async () => {
    const file = join(dir, 'mixed.csv');
    writeFileSync(
      file,
      `${GOOD}\n"区人社局","未分类","","CLI-003","511602000000","1","0001","http://x.cn"\n"区人社局","未分类","好的","CLI-004","1","1","1","http://x.cn"`,
    );
    const r = await run('kb', 'import', file);
    expect(r.code).toBe(3);
    expect(r.out).toContain('1 created, 0 updated, 2 unchanged, 1 rejected of 4 rows');
    expect(r.err).toContain('rejected row 4 item_name: 缺少事项名称');
    expect((await run('kb', 'import', join(dir, 'missing.csv'))).code).toBe(4);
    const gbk = join(dir, 'gbk.csv');
    writeFileSync(gbk, Buffer.from([0x69, 0x0a, 0xc9, 0xe7]));
    const wrong = await run('kb', 'import', gbk);
    expect(wrong.code).toBe(3);
    expect(wrong.err).toContain('UTF-8');
  });

  it('exports to a file or standard output', async () => {
    const out = join(dir, 'export.csv');
    const r = await run('kb', 'export', '--kind', 'guide', '-o', out);
    expect(r.code).toBe(0);
    expect(r.out).toContain('exported 3 articles');
    const text = readFileSync(out, 'utf8');
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFFkind,item_code,item_name,department,owner_unit_id,keywords,conditions,materials,promised_days,legal_days,location,hours,phone,fee,basis,link,summary,valid_from,valid_to,next_review_on,status,published_version,updated_at',
    );
    expect(text).toContain('CLI-004');
    const stdout = await run('kb', 'export');
    expect(stdout.out).toContain('失业保险金申领');
    expect((await run('kb', 'export', '--kind', 'book')).code).toBe(3);
    expect((await run('kb', 'import', out)).out).toContain('0 created, 0 updated, 3 unchanged');
  });
});
