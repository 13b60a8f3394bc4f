// Child process: the ceiling. A bare Fastify app with one `POST /insert` route doing one prepared
// better-sqlite3 INSERT (WAL, synchronous=NORMAL) of a row shaped like a work order, answering JSON.
// No auth, no validation schema, no transaction, no logging: what this machine can do at best with
// the same HTTP stack and storage engine. Reports { type: 'ready', url } over IPC.
import { randomUUID } from 'node:crypto';
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';

const file = process.env.HUAWU_BENCH_CEILING_DB;
if (!file) {
  console.error('ceiling-child: HUAWU_BENCH_CEILING_DB is not set');
  process.exit(2);
}

const db = new SQLite(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(`create table if not exists rows (
  id text primary key, order_no text not null unique, status text not null, version integer not null,
  channel text not null, caller_name text, caller_phone text, caller_type text not null,
  anonymous integer not null, confidential integer not null, wants_callback integer not null,
  appeal_type text not null, category text, title text not null, content text not null, address text,
  urgency text not null, created_by text not null, created_at text not null, updated_at text not null)`);
const insert =
  db.prepare(`insert into rows (id, order_no, status, version, channel, caller_name, caller_phone,
  caller_type, anonymous, confidential, wants_callback, appeal_type, category, title, content, address, urgency,
  created_by, created_at, updated_at)
  values (@id, @order_no, 'intake', 1, @channel, @caller_name, @caller_phone, @caller_type, @anonymous,
  @confidential, @wants_callback, @appeal_type, @category, @title, @content, @address, @urgency, 'bench',
  @at, @at)`);

let seq = 0;
const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
app.post('/insert', async (request, reply) => {
  const b = request.body ?? {};
  const id = randomUUID();
  const at = new Date().toISOString();
  seq += 1;
  insert.run({
    id,
    order_no: `${process.pid}-${seq}`,
    channel: String(b.channel ?? 'phone'),
    caller_name: b.callerName ?? null,
    caller_phone: b.callerPhone ?? null,
    caller_type: String(b.callerType ?? 'person'),
    anonymous: b.anonymous ? 1 : 0,
    confidential: b.confidential ? 1 : 0,
    wants_callback: b.wantsCallback === false ? 0 : 1,
    appeal_type: String(b.appealType ?? 'complaint'),
    category: b.category ?? null,
    title: String(b.title ?? ''),
    content: String(b.content ?? ''),
    address: b.address ?? null,
    urgency: String(b.urgency ?? 'normal'),
    at,
  });
  return reply.status(201).send({ id, status: 'intake', version: 1, createdAt: at });
});

const url = await app.listen({ port: 0, host: '127.0.0.1' });

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(0), 3_000).unref();
  try {
    await app.close();
    db.close();
  } finally {
    process.exit(0);
  }
}
process.on('message', (msg) => {
  if (msg?.type === 'stop') void stop();
});
process.on('disconnect', () => void stop());
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());

console.log(url);
process.send?.({ type: 'ready', url, pid: process.pid });
