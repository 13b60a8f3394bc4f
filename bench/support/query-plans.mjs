// The plans of the SQL a use case runs: runs `fn` once with a Kysely plugin that records every
// compiled query, then asks the database for each one's plan (SQLite `explain query plan`, PostgreSQL
// `explain (analyze, buffers)`). For reporting a slow list query, not for timing.
import { CompiledQuery } from 'kysely';

export async function explainUseCase(core, fn) {
  const { database } = core;
  const original = database.db;
  const captured = [];
  const recorder = {
    transformQuery({ node, queryId }) {
      if (node.kind === 'SelectQueryNode') captured.push(original.getExecutor().compileQuery(node, queryId));
      return node;
    },
    async transformResult({ result }) {
      return result;
    },
  };
  database.db = original.withPlugin(recorder);
  try {
    await fn();
  } finally {
    database.db = original;
  }
  const plans = [];
  for (const q of captured) {
    const prefix = database.dialect === 'sqlite' ? 'explain query plan ' : 'explain (analyze, buffers) ';
    const { rows } = await original.executeQuery(CompiledQuery.raw(prefix + q.sql, [...q.parameters]));
    const plan =
      database.dialect === 'sqlite'
        ? rows.map((r) => `${'  '.repeat(depth(rows, r))}${r.detail}`).join('\n')
        : rows.map((r) => r['QUERY PLAN']).join('\n');
    plans.push({ sql: q.sql, parameters: q.parameters, plan });
  }
  return plans;
}

// SQLite plan rows carry id/parent: indent by depth.
function depth(rows, row) {
  let d = 0;
  let parent = row.parent;
  while (parent) {
    d++;
    parent = rows.find((r) => r.id === parent)?.parent;
  }
  return d;
}
