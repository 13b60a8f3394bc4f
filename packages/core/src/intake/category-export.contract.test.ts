import { parse } from 'csv-parse/sync';
import { beforeAll, expect, it } from 'vitest';
import { listAudit } from '../storage/admin.repository.js';
import { A, seedPeople } from '../test-support/contract-helpers.js';
import { type TestCore, describeEachDatabase } from '../test-support/databases.js';
import { exportCategories, importCategories, listCategories } from './manage-categories.js';

describeEachDatabase('category export (诉求分类导出)', (db) => {
  let core: TestCore;
  beforeAll(async () => {
    core = await db.newCore({ now: () => new Date('2026-09-10T02:00:00.000Z') });
    await seedPeople(core);
  });

  it('writes the import format, formula-safe, and reads back unchanged; the export is audited', async () => {
    await importCategories(
      core,
      A.supervisor,
      'code,name,parent_code,emergency_hint\n99,=SUM(A1),,\n9901,其他,99,+先转110\n',
    );
    const file = await exportCategories(core, A.supervisor);
    expect(file.csv.startsWith('\uFEFFcode,name,parent_code,emergency_hint')).toBe(true);
    const rows = parse(file.csv, { bom: true }) as string[][];
    expect(rows).toContainEqual(['99', "'=SUM(A1)", '', '']);
    expect(rows).toContainEqual(['9901', '其他', '99', "'+先转110"]);

    // Edited in a spreadsheet and imported again: the apostrophes are not taken as part of the text.
    const result = await importCategories(core, A.supervisor, file.csv);
    expect(result.rejected).toEqual([]);
    const stored = (await listCategories(core)).items;
    expect(stored.find((c) => c.code === '99')?.name).toBe('=SUM(A1)');
    expect(stored.find((c) => c.code === '9901')?.emergencyHint).toBe('+先转110');

    const audit = await listAudit(core.database.db, { action: 'export', limit: 10 });
    expect(audit.some((e) => e.targetType === 'categories' && e.actorId === A.supervisor.userId)).toBe(true);
  });

  it('is for supervisors and admins; deactivated categories only with `all`', async () => {
    await expect(exportCategories(core, A.agent)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const active = await exportCategories(core, null);
    const everything = await exportCategories(core, null, { all: true });
    expect(everything.rows).toBeGreaterThanOrEqual(active.rows);
  });
});
