// `node bench/profile-summary.mjs FILE.cpuprofile [TOP]`: the functions that took
// the most time in a V8 CPU profile (`node --cpu-prof`), by self time and by
// inclusive time (each function counted once per sample, however deep it recurses).
import { readFileSync } from 'node:fs';

const [file, topArg = '30'] = process.argv.slice(2);
if (!file) throw new Error('usage: node bench/profile-summary.mjs FILE.cpuprofile [TOP]');
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parents = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);

const nameOf = (node) => {
  const { functionName, url, lineNumber } = node.callFrame;
  return `${functionName || '(anonymous)'} ${url.replace(/^.*\/(node_modules|dist)\//, '$1/')}:${lineNumber + 1}`;
};

const timeByNode = new Map();
let total = 0;
profile.samples.forEach((id, i) => {
  const delta = profile.timeDeltas[i] ?? 0;
  total += delta;
  timeByNode.set(id, (timeByNode.get(id) ?? 0) + delta);
});

const self = new Map();
const inclusive = new Map();
for (const [id, time] of timeByNode) {
  const name = nameOf(nodes.get(id));
  self.set(name, (self.get(name) ?? 0) + time);
  const seen = new Set();
  for (let current = id; current !== undefined; current = parents.get(current)) {
    const ancestor = nameOf(nodes.get(current));
    if (seen.has(ancestor)) continue;
    seen.add(ancestor);
    inclusive.set(ancestor, (inclusive.get(ancestor) ?? 0) + time);
  }
}

for (const [title, table] of [['self', self], ['inclusive', inclusive]]) {
  console.log(`--- ${title} time (profile: ${(total / 1000).toFixed(0)} ms)`);
  for (const [name, time] of [...table].sort((a, b) => b[1] - a[1]).slice(0, Number(topArg))) {
    console.log(`${(time / 1000).toFixed(0).padStart(8)} ms ${((100 * time) / total).toFixed(1).padStart(5)}%  ${name}`);
  }
}
