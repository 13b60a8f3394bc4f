// One measurement of the knowledge-base search on a filled database, in a process of its own (clean
// heap and RSS figures). Started by bench/kb-search.bench.mjs with --expose-gc; prints one JSON line.
//   KB_BENCH_URL       database (SQLite file or postgres://…)
//   KB_BENCH_QUERIES   JSON file: array of query strings (measured in this order)
//   KB_BENCH_LIKE_N    how many queries the LIKE baseline runs (it scans every row)
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../packages/core/dist/storage/database.js';
import { createKnowledgeSearch } from '../../packages/core/dist/search/knowledge-search.js';
import { readSearchState } from '../../packages/core/dist/storage/knowledge-search.repository.js';

/**
 * Closes a database keeping the event loop alive meanwhile: the SQLite checkpointer's stop() waits on
 * an unref'd worker, and with nothing else pending Node would exit before it answers.
 */
async function closeDatabase(database) {
  const keepAlive = setInterval(() => {}, 1000);
  try {
    await database.close();
  } finally {
    clearInterval(keepAlive);
  }
}

const url = process.env.KB_BENCH_URL;
const queries = JSON.parse(readFileSync(process.env.KB_BENCH_QUERIES, 'utf8'));
const likeN = Number(process.env.KB_BENCH_LIKE_N ?? 100);
const TODAY = '2026-11-28';

const gc = () => {
  globalThis.gc?.();
  globalThis.gc?.();
};
const mb = (bytes) => Math.round((bytes / 1048576) * 10) / 10;
function memory() {
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers };
}
function percentiles(values) {
  const sorted = Float64Array.from(values).sort();
  const at = (p) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  return {
    n: sorted.length,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
  };
}
async function timeEach(list, fn) {
  const ms = [];
  for (const item of list) {
    const t = performance.now();
    await fn(item);
    ms.push(performance.now() - t);
  }
  return ms;
}

const database = openDatabase(url, { poolSize: 2 });
const search = createKnowledgeSearch(database);
await readSearchState(database.db); // connection open, statements warm: not part of the build
gc();
const before = memory();
const cpuBefore = process.cpuUsage();
const t0 = performance.now();
await search.refresh();
const buildMs = performance.now() - t0;
const buildCpu = process.cpuUsage(cpuBefore);
const peakRss = process.resourceUsage().maxRSS * 1024;
gc();
const after = memory();
const stats = search.stats();

// Warm-up (JIT, statement caches), then every query once, in order.
for (const q of queries.slice(0, 50)) await search.search({ q, today: TODAY });
let emptyResults = 0;
const searchMs = await timeEach(queries, async (q) => {
  const r = await search.search({ q, today: TODAY });
  if (r.items.length === 0) emptyResults++;
});

// Baseline 1: the revision check alone (the floor of every search).
const revisionMs = await timeEach(queries, () => readSearchState(database.db));

// Baseline 2: the placeholder this replaces — a LIKE scan over titles and keywords.
const likeQueries = queries.slice(0, likeN);
const likeMs = await timeEach(likeQueries, async (q) => {
  const like = `%${q.trim()}%`;
  await database.db
    .selectFrom('kb_articles')
    .selectAll()
    .where((eb) => eb.or([eb('title', 'like', like), eb('keywords', 'like', like)]))
    .where('status', 'in', ['published'])
    .limit(10)
    .execute();
});

// Freshness: one article changes (as a use case would: revision bump + stamp), then the next search.
const freshMs = [];
const changed = (
  await database.db.selectFrom('kb_articles').select('id').orderBy('id').limit(20).execute()
).map((r) => r.id);
for (let i = 0; i < changed.length; i++) {
  await database.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('kb_index_state')
      .set((eb) => ({ revision: eb('revision', '+', 1) }))
      .where('id', '=', 1)
      .execute();
    const { revision } = await tx
      .selectFrom('kb_index_state')
      .select('revision')
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    await tx
      .updateTable('kb_articles')
      .set({ title: `临时占道施工审批（修订号KB${i}X）`, search_revision: Number(revision) })
      .where('id', '=', changed[i])
      .execute();
  });
  const t = performance.now();
  const r = await search.search({ q: `占道施工审批 KB${i}X`, today: TODAY });
  freshMs.push(performance.now() - t);
  if (r.items[0]?.articleId !== changed[i]) {
    throw new Error(
      `changed article ${changed[i]} not found first: ${JSON.stringify(r.items.slice(0, 3))} ${JSON.stringify(r.terms)}`,
    );
  }
}

search.close();
await closeDatabase(database);
console.log(
  JSON.stringify({
    build: {
      ms: buildMs,
      cpuMs: (buildCpu.user + buildCpu.system) / 1000,
      documents: stats.live,
      terms: stats.terms,
      postings: stats.postings,
      postingMB: mb(stats.postingBytes),
    },
    memory: {
      heapMB: mb(after.heapUsed - before.heapUsed),
      arrayBuffersMB: mb(after.arrayBuffers - before.arrayBuffers),
      rssMB: mb(after.rss - before.rss),
      rssAfterMB: mb(after.rss),
      peakRssMB: mb(peakRss),
    },
    search: percentiles(searchMs),
    emptyResults,
    revisionCheck: percentiles(revisionMs),
    like: percentiles(likeMs),
    freshAfterChange: percentiles(freshMs),
  }),
);
