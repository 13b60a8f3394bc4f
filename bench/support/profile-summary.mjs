#!/usr/bin/env node
// Summarises a V8 .cpuprofile (from HUAWU_BENCH_CPU_PROF=1): self time by package and by function,
// and inclusive time of selected functions. Usage: node bench/support/profile-summary.mjs FILE [TOP]
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/support/profile-summary.mjs FILE.cpuprofile [TOP]');
  process.exit(2);
}
const top = Number(topArg ?? 40);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Self time per node from samples × time deltas (µs).
const self = new Map();
profile.samples.forEach((id, i) => {
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);

function packageOf(url) {
  if (!url) return '(native/vm)';
  const nm = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (nm) return nm[1];
  const ws = url.match(/packages\/([^/]+)\/dist/);
  if (ws) return `@huawu/${ws[1]}`;
  if (url.startsWith('node:')) return 'node:internal';
  return url.replace(/^file:\/\//, '');
}
const label = (n) => {
  const f = n.callFrame;
  const where = f.url
    ? `${f.url.replace(/^file:\/\/.*?(node_modules|packages)\//, '$1/')}:${f.lineNumber + 1}`
    : '';
  return `${f.functionName || '(anonymous)'} ${where}`.trim();
};

const byPackage = new Map();
const byFunction = new Map();
for (const [id, us] of self) {
  const n = nodes.get(id);
  const special = ['(idle)', '(garbage collector)', '(program)', '(root)'].includes(n.callFrame.functionName);
  const pkg = special ? n.callFrame.functionName : packageOf(n.callFrame.url);
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
  const key = special ? n.callFrame.functionName : label(n);
  byFunction.set(key, (byFunction.get(key) ?? 0) + us);
}

// Inclusive time per function (each sample counted once per distinct function on its stack).
const inclusive = new Map();
profile.samples.forEach((id, i) => {
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const key = label(nodes.get(cur));
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
});

const idle = byPackage.get('(idle)') ?? 0;
const busy = total - idle;
const pct = (us, of = busy) => `${((100 * us) / of).toFixed(1).padStart(5)} %`;
const ms = (us) => `${(us / 1000).toFixed(0).padStart(7)} ms`;
console.log(
  `profile ${file}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy (percentages of busy time)\n`,
);
console.log('self time by package:');
for (const [k, v] of [...byPackage]
  .filter(([k]) => k !== '(idle)')
  .sort((a, b) => b[1] - a[1])
  .slice(0, 25)) {
  console.log(`  ${pct(v)} ${ms(v)}  ${k}`);
}
console.log(`\nself time, top ${top} functions:`);
for (const [k, v] of [...byFunction]
  .filter(([k]) => k !== '(idle)')
  .sort((a, b) => b[1] - a[1])
  .slice(0, top)) {
  console.log(`  ${pct(v)} ${ms(v)}  ${k}`);
}
console.log(`\ninclusive time, top ${top} functions:`);
for (const [k, v] of [...inclusive]
  .filter(([k]) => !k.startsWith('('))
  .sort((a, b) => b[1] - a[1])
  .slice(0, top)) {
  console.log(`  ${pct(v)} ${ms(v)}  ${k}`);
}
