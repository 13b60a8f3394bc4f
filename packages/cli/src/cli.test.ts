import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliTestbed } from './test-support/cli-testbed.js';

const { dir, run } = useCliTestbed('cli');

describe('huawu CLI', () => {
  it('prints help and exits 0; an unknown command is a usage error (2)', async () => {
    const help = await run('--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('serve');
    expect(help.out).toContain('Exit codes');
    expect((await run('user', 'add', '--help')).out).toContain('--unit');
    expect((await run('frobnicate')).code).toBe(2);
    expect((await run('user', 'add', '-u', 'x')).code).toBe(2);
  });

  it('migrate is idempotent and loads the bundled holiday years', async () => {
    const again = await run('migrate');
    expect(again.code).toBe(0);
    expect(again.out).toContain('up to date');
    const show = await run('calendar', 'show', '2026');
    expect(show.code).toBe(0);
    expect(show.out).toMatch(/2026-10-01\s+休/);
  });

  it('reports a year without holiday data instead of guessing (exit 4)', async () => {
    const r = await run('calendar', 'show', '2031');
    expect(r.code).toBe(4);
    expect(r.err).toContain('无节假日数据');
  });

  it('imports a holiday-cn year file and rejects malformed ones with row errors', async () => {
    const good = join(dir, '2031.json');
    writeFileSync(
      good,
      JSON.stringify({
        year: 2031,
        papers: [],
        days: [{ name: '元旦', date: '2031-01-01', isOffDay: true }],
      }),
    );
    expect((await run('calendar', 'import', good)).code).toBe(0);
    expect((await run('calendar', 'show', '2031')).out).toContain('2031-01-01');
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({ year: 2032, papers: [], days: [{ name: 'x', date: '2032-02-31', isOffDay: true }] }),
    );
    const r = await run('calendar', 'import', bad);
    expect(r.code).toBe(3);
    expect(r.err).toContain('days[0].date');
    const notJson = join(dir, 'not.json');
    writeFileSync(notJson, '{oops');
    expect((await run('calendar', 'import', notJson)).code).toBe(3);
    expect((await run('calendar', 'import', join(dir, 'missing.json'))).code).toBe(4);
  });

  it('loads the demo once, then adds users with validation and resets passwords', async () => {
    const demo = await run('demo');
    expect(demo.code).toBe(0);
    expect(demo.out).toMatch(/demo loaded: \d+ orders/);
    expect((await run('demo')).out).toContain('not loaded');
    const add = await run(
      'user',
      'add',
      '-u',
      'agent2',
      '-p',
      'Secret123',
      '-r',
      'agent',
      '--unit',
      'centre',
    );
    expect(add.code).toBe(0);
    const dup = await run(
      'user',
      'add',
      '-u',
      'agent2',
      '-p',
      'Secret123',
      '-r',
      'agent',
      '--unit',
      'centre',
    );
    expect(dup.code).toBe(5);
    const weak = await run('user', 'add', '-u', 'agent3', '-p', 'short', '-r', 'agent', '--unit', 'centre');
    expect(weak.code).toBe(3);
    expect(weak.err).toContain('password');
    const role = await run(
      'user',
      'add',
      '-u',
      'agent4',
      '-p',
      'Secret123',
      '-r',
      'wizard',
      '--unit',
      'centre',
    );
    expect(role.code).toBe(3);
    const unit = await run(
      'user',
      'add',
      '-u',
      'h2',
      '-p',
      'Secret123',
      '-r',
      'unit_handler',
      '--unit',
      'centre',
    );
    expect(unit.code).toBe(3);
    expect((await run('user', 'reset-password', '-u', 'agent2', '-p', 'NewSecret9')).code).toBe(0);
    expect((await run('user', 'reset-password', '-u', 'nobody', '-p', 'NewSecret9')).code).toBe(4);
  });
});
