import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useCliTestbed } from './test-support/cli-testbed.js';

const { run, db } = useCliTestbed('audit');

const counts = (out: string) => {
  const m = /checked (\d+) orders, (\d+) events, (\d+) archives/.exec(out);
  expect(m, out).not.toBeNull();
  const [orders = -1, events = -1, archives = -1] = m!.slice(1).map(Number);
  return { orders, events, archives };
};

/** Edits the file directly, as someone with database access could: triggers dropped, a payload changed. */
function tamper(file: string, change: (sqlite: Database.Database) => void) {
  const sqlite = new Database(file);
  try {
    sqlite.exec(
      'drop trigger if exists work_order_events_no_update; drop trigger if exists work_order_events_no_delete',
    );
    change(sqlite);
  } finally {
    sqlite.close();
  }
}

describe('huawu audit verify', () => {
  it('on an empty database checks nothing and exits 0', async () => {
    const r = await run('audit', 'verify');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('audit verify OK');
    expect(counts(r.out)).toEqual({ orders: 0, events: 0, archives: 0 });
  });

  it('proves the demo city intact, then names the first broken link after a stored event is edited (exit 7)', async () => {
    expect((await run('demo')).code).toBe(0);
    const ok = await run('audit', 'verify', '--page-size', '7');
    expect(ok.code, ok.err).toBe(0);
    const before = counts(ok.out);
    expect(before.orders).toBeGreaterThan(0);
    expect(before.events).toBeGreaterThan(before.orders);

    let target = { order_id: '', order_no: '', seq: 0 };
    tamper(db, (sqlite) => {
      target = sqlite
        .prepare(
          `select e.order_id, o.order_no, e.seq from work_order_events e join work_orders o on o.id = e.order_id
           where e.seq = 2 order by e.order_id limit 1`,
        )
        .get() as typeof target;
      sqlite
        .prepare(`update work_order_events set payload = '{"tampered":true}' where order_id = ? and seq = 2`)
        .run(target.order_id);
    });
    const bad = await run('audit', 'verify');
    expect(bad.code).toBe(7);
    expect(counts(bad.err)).toEqual(before);
    expect(bad.err).toContain('[event_hash]');
    expect(bad.err).toContain(`工单 ${target.order_no} 第 2 条事件的哈希不符（内容被改动）`);
    expect(bad.out).toBe('');
  });

  it('refuses a bad page size (exit 3)', async () => {
    const r = await run('audit', 'verify', '--page-size', '0');
    expect(r.code).toBe(3);
    expect(r.err).toContain('page-size');
  });
});

describe('huawu archive list', () => {
  it('lists sealed records; --expired only those past retention', async () => {
    const all = await run('archive', 'list');
    expect(all.code, all.err).toBe(0);
    expect(all.out).toMatch(/\d+\+? records$/);
    const expired = await run('archive', 'list', '--expired');
    expect(expired.code).toBe(0);
    expect(expired.out).toMatch(/^0 records$/m);
    expect((await run('archive', 'list', '--limit', '500')).code).toBe(3);
  });
});
