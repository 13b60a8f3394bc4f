import type { Kysely } from 'kysely';

/** Guide-accuracy checks: rounds, items, check calls and correction tasks. */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('accuracy_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('unit_ids', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('checker_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('completed_at', 'text')
    .execute();
  await db.schema
    .createIndex('accuracy_rounds_created_idx')
    .on('accuracy_rounds')
    .column('created_at')
    .execute();
  await db.schema
    .createIndex('accuracy_rounds_status_idx')
    .on('accuracy_rounds')
    .columns(['status', 'created_at'])
    .execute();

  await db.schema
    .createTable('accuracy_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('accuracy_rounds.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('article_id', 'text', (c) => c.notNull().references('kb_articles.id'))
    .addColumn('article_version', 'integer', (c) => c.notNull())
    .addColumn('guide_title', 'text', (c) => c.notNull())
    .addColumn('item_code', 'text')
    .addColumn('owner_unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('owner_unit_name', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('checker_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('accuracy_items_round_idx')
    .unique()
    .on('accuracy_items')
    .columns(['round_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('accuracy_items_article_idx')
    .on('accuracy_items')
    .column('article_id')
    .execute();
  await db.schema
    .createIndex('accuracy_items_unit_idx')
    .on('accuracy_items')
    .column('owner_unit_id')
    .execute();

  await db.schema
    .createTable('accuracy_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('accuracy_items.id'))
    .addColumn('round_id', 'text', (c) => c.notNull().references('accuracy_rounds.id'))
    .addColumn('task_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('called_number', 'text', (c) => c.notNull())
    .addColumn('reached', 'integer', (c) => c.notNull())
    .addColumn('answer_seconds', 'integer')
    .addColumn('rings', 'integer')
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('guide_outdated', 'integer', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('checked_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .execute();
  // One first check per item and one n-th re-check: a double submission is a conflict, not a duplicate.
  await db.schema
    .createIndex('accuracy_checks_attempt_idx')
    .unique()
    .on('accuracy_checks')
    .columns(['item_id', 'kind', 'attempt'])
    .execute();
  await db.schema.createIndex('accuracy_checks_round_idx').on('accuracy_checks').column('round_id').execute();
  await db.schema
    .createIndex('accuracy_checks_period_idx')
    .on('accuracy_checks')
    .columns(['kind', 'checked_at'])
    .execute();

  await db.schema
    .createTable('correction_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().unique().references('accuracy_items.id'))
    .addColumn('round_id', 'text', (c) => c.notNull().references('accuracy_rounds.id'))
    .addColumn('article_id', 'text', (c) => c.notNull().references('kb_articles.id'))
    .addColumn('owner_unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('deadline_at', 'text', (c) => c.notNull())
    .addColumn('fixed_at', 'text')
    .addColumn('fixed_by', 'text')
    .addColumn('fix_note', 'text')
    .addColumn('proposed_version', 'integer')
    .addColumn('recheck_checker_id', 'text')
    .addColumn('recheck_planned_on', 'text')
    .addColumn('recheck_count', 'integer', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('correction_tasks_unit_idx')
    .on('correction_tasks')
    .columns(['owner_unit_id', 'status'])
    .execute();
  await db.schema
    .createIndex('correction_tasks_deadline_idx')
    .on('correction_tasks')
    .columns(['status', 'deadline_at'])
    .execute();
  await db.schema
    .createIndex('correction_tasks_round_idx')
    .on('correction_tasks')
    .column('round_id')
    .execute();
}
