import type { ExecutableLang } from '../../model/runbook.js';
import { getEditDistance } from '../../model/edit-distance.js';

const SHELL = ['bash', 'sh', 'shell', 'zsh', 'console', 'shellsession', 'terminal', 'shell-session', 'sh-session', 'ksh'];
const SQL = ['sql', 'postgresql', 'postgres', 'pgsql', 'psql'];
/** Languages that are neither, but close in spelling to one (`js` ~ `sh`). Never flagged as typos. */
const KNOWN_OTHER = new Set([
  'js', 'ts', 'jsx', 'tsx', 'javascript', 'typescript', 'json', 'jsonc', 'json5', 'yaml', 'yml', 'toml', 'ini',
  'go', 'rs', 'rust', 'py', 'python', 'rb', 'ruby', 'java', 'kotlin', 'c', 'h', 'cpp', 'cs', 'php', 'lua', 'perl',
  'r', 'swift', 'scala', 'hcl', 'tf', 'terraform', 'nginx', 'apache', 'dockerfile', 'docker', 'make', 'makefile',
  'cron', 'crontab', 'promql', 'logql', 'graphql', 'gql', 'xml', 'html', 'css', 'scss', 'md', 'markdown', 'diff',
  'patch', 'text', 'txt', 'plain', 'plaintext', 'log', 'csv', 'tsv', 'env', 'dotenv', 'properties', 'conf',
  'powershell', 'ps1', 'ps', 'pwsh', 'bat', 'cmd', 'fish', 'nu', 'awk', 'sed', 'jq', 'mermaid', 'http', 'proto',
  'solidity', 'sol', 'vim', 'lisp', 'elixir', 'ex', 'erlang', 'haskell', 'hs', 'ocaml', 'ml', 'zig', 'nim', 'dart',
  'redis', 'mysql', 'mariadb', 'clickhouse', 'sqlite', 'tsql', 'plsql', 'cql', 'kql', 'cypher', 'sparql', 'raw', 'output', 'none',
]);

/** The executable kind of a fence's language, case-insensitively, or null for a reference cell. */
export function classifyLanguage(info: string | null | undefined): ExecutableLang | null {
  if (!info) return null;
  const lang = info.toLowerCase();
  if (SHELL.includes(lang)) return 'shell';
  if (SQL.includes(lang)) return 'sql';
  return null;
}

/** True for console-style languages whose `$ ` lines are commands and other lines expected output. */
export function isConsoleLanguage(info: string | null | undefined): boolean {
  const lang = info?.toLowerCase();
  return lang === 'console' || lang === 'shellsession' || lang === 'terminal' || lang === 'shell-session' || lang === 'sh-session';
}

/** For an unknown language within two edits of an executable one (`shel`, `bsah`, `8sh`), that language. */
export function suggestLanguage(info: string): string | null {
  const lang = info.toLowerCase();
  if (classifyLanguage(lang) || KNOWN_OTHER.has(lang)) return null;
  let best: { name: string; distance: number } | null = null;
  for (const name of [...SHELL, ...SQL]) {
    const distance = getEditDistance(lang, name);
    const limit = name.length <= 3 ? 1 : 2;
    if (distance <= limit && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name ?? null;
}
