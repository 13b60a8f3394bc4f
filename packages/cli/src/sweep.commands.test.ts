import { describe, expect, it } from 'vitest';
import { useCliTestbed } from './test-support/cli-testbed.js';

const { run } = useCliTestbed('sweep');

const summary = (out: string) => {
  const m = /examined (\d+) clocks, (\d+) steps, (\d+) notices, (\d+) supervisions/.exec(out);
  expect(m, out).not.toBeNull();
  const [examined = -1, steps = -1, notices = -1, supervisions = -1] = m!.slice(1).map(Number);
  return { examined, steps, notices, supervisions };
};

describe('huawu sweep', () => {
  it('on an empty database examines nothing and exits 0', async () => {
    const r = await run('sweep');
    expect(r.code).toBe(0);
    expect(summary(r.out)).toEqual({ examined: 0, steps: 0, notices: 0, supervisions: 0 });
  });

  it('applies the due ladder steps once; a second sweep at the same instant does nothing', async () => {
    expect((await run('demo')).code).toBe(0);
    // Long after every demo deadline: each running clock climbs to escalation in one pass.
    const first = await run('sweep', '--now', '2027-03-01T02:00:00Z');
    expect(first.code, first.err).toBe(0);
    const s = summary(first.out);
    expect(s.examined).toBeGreaterThan(0);
    expect(s.steps).toBeGreaterThanOrEqual(s.examined);
    expect(s.notices).toBeGreaterThan(0);
    expect(s.supervisions).toBeGreaterThan(0);
    const again = await run('sweep', '--now', '2027-03-01T02:00:00Z');
    expect(again.code).toBe(0);
    expect(summary(again.out)).toMatchObject({ steps: 0, notices: 0, supervisions: 0 });
  });

  it('refuses an instant that is not ISO 8601 with a zone (exit 3) and an unknown option (exit 2)', async () => {
    for (const bad of ['tomorrow', '2026-10-09', '2026-10-09T09:30:00', '2026-13-40T00:00:00Z']) {
      const r = await run('sweep', '--now', bad);
      expect(r.code, bad).toBe(3);
      expect(r.err).toContain('错误 [VALIDATION_FAILED]');
      expect(r.err).toContain('now:');
    }
    expect((await run('sweep', '--later')).code).toBe(2);
  });
});
