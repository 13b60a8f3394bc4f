import { expect, it } from 'vitest';
import { seedDemoAccuracy } from '../demo/demo-accuracy.js';
import { A, seedPeople } from '../test-support/contract-helpers.js';
import { describeEachDatabase } from '../test-support/databases.js';
import { getRoundReport } from './accuracy-report.js';
import { listAccuracyRounds } from './get-round.js';
import { listCorrectionTasks } from './get-task.js';
import { insertTestGuides } from './test-support/guides.js';

describeEachDatabase('demo accuracy checks', (db) => {
  it('seeds nothing without published guides, then three rounds and their tasks', async () => {
    const core = await db.newCore();
    await seedPeople(core);
    await seedDemoAccuracy(core);
    expect((await listAccuracyRounds(core, A.supervisor, {})).total).toBe(0);

    await insertTestGuides(core, [
      ...['甲', '乙', '丙', '丁'].map((t) => ({ title: `住建演示${t}`, ownerUnitId: 'city-housing' })),
      ...['甲', '乙', '丙'].map((t) => ({ title: `市监演示${t}`, ownerUnitId: 'city-market', phone: null })),
    ]);
    await seedDemoAccuracy(core);
    const rounds = await listAccuracyRounds(core, A.supervisor, {});
    expect(rounds.items.map((r) => r.status)).toEqual(['planned', 'in_progress', 'completed']);
    const completed = rounds.items[2]!;
    expect(completed.progress).toMatchObject({ items: 6, checked: 6 });
    const report = await getRoundReport(core, A.supervisor, completed.id);
    expect(report.total).toMatchObject({
      checks: 6,
      reached: 5,
      accurate: 3,
      partly: 1,
      wrong: 1,
      unreachable: 1,
    });
    const tasks = await listCorrectionTasks(core, A.supervisor, { roundId: completed.id });
    expect(tasks.items.map((t) => t.status).sort()).toEqual(['closed', 'fixed', 'open']);
    expect(tasks.items.find((t) => t.status === 'open')?.deadlineState).toBe('overdue');
  });
});
