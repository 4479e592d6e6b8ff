import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const FENCE = /^\s*(`{3,}|~{3,})/;
const FRONT_MATTER = /^---\n[\s\S]*?\n---\n/;

/** Cell names given in a runbook (`name=x` in a fence's info, `"name":"x"` in a litops comment). */
function collectNames(text) {
  return new Set([...text.matchAll(/name=([\w-]+)|"name"\s*:\s*"([\w-]+)"/g)].map((m) => m[1] ?? m[2]));
}

/**
 * Copy `n` of a runbook with unique ids: its headings get " (copy n)" and its
 * cell names (and the checks that name them) a "-cN" suffix, outside code only,
 * so that the copies parse as the original does, without duplicate-id diagnostics.
 */
function makeCopy(body, names, n) {
  if (n === 0) return body;
  const pattern = names.size ? new RegExp(`(?<![\\w-])(${[...names].join('|')})(?![\\w-])`, 'g') : null;
  let fence = null;
  return body
    .split('\n')
    .map((line) => {
      const marker = FENCE.exec(line)?.[1];
      if (fence) {
        if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = null;
        return line;
      }
      if (marker) fence = marker;
      if (/^#{1,6} /.test(line)) return `${line} (copy ${n})`;
      return pattern && (marker || line.includes('litops:')) ? line.replace(pattern, `$1-c${n}`) : line;
    })
    .join('\n');
}

/**
 * About `bytes` of runbook Markdown made of the project's own runbooks
 * (runbooks/*.md, their front matter removed), repeated with unique ids.
 */
export function buildParseCorpus(root, bytes) {
  const dir = join(root, 'runbooks');
  const seeds = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8').replace(FRONT_MATTER, ''))
    .map((body) => ({ body, names: collectNames(body) }));
  const parts = ['---\ntitle: Parse benchmark corpus\n---\n\n'];
  let size = Buffer.byteLength(parts[0]);
  for (let n = 0; size < bytes; n++) {
    for (const [i, seed] of seeds.entries()) {
      const copy = `${makeCopy(seed.body, seed.names, n * seeds.length + i)}\n`;
      parts.push(copy);
      size += Buffer.byteLength(copy);
    }
  }
  return parts.join('');
}
