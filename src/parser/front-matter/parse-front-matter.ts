import type { Diagnostic } from '../../model/diagnostic.js';
import {
  ConnectionSchema,
  FrontMatterInputSchema,
  FrontMatterSchema,
  KNOWN_FRONT_MATTER_KEYS,
  RUNME_FRONT_MATTER_KEYS,
  VariableSpecSchema,
  type FrontMatter,
} from '../../model/front-matter.js';
import { formatIssue } from '../attributes/format-issue.js';
import { parseLeniently } from '../attributes/parse-leniently.js';
import { suggestName } from '../attributes/suggest-name.js';
import type { ReadDocument, RelativePosition } from './read-document.js';
import { readToml } from './read-toml.js';
import { readYaml } from './read-yaml.js';

/** The front matter, always usable (defaulted where invalid), and located problems. */
export interface FrontMatterResult {
  frontMatter: FrontMatter;
  diagnostics: Diagnostic[];
}

const RECORD_KEYS = ['env', 'variables', 'connections'];
const ENTRY_KEYS: Record<string, readonly string[]> = {
  variables: Object.keys(VariableSpecSchema.shape),
  connections: Object.keys(ConnectionSchema.shape),
};

/**
 * Parses and validates a runbook's front matter. `raw` is the text between the
 * fences (`---` for YAML, `+++` for TOML); `startLine` is the 1-based file line
 * of its first line. Never throws: bad syntax is a `front-matter-syntax` error
 * (and the defaults are used), a bad value an `invalid-front-matter` error at
 * its key (that key or record entry falls back to its default), an unknown key
 * an `unknown-front-matter-key` warning (kept under `unknown`). Runme's keys
 * are kept under `runme`.
 */
export function parseFrontMatter(raw: string, kind: 'yaml' | 'toml', startLine: number): FrontMatterResult {
  const document = kind === 'yaml' ? readYaml(raw) : readToml(raw);
  const toFile = (position: RelativePosition) => ({ line: startLine + position.line - 1, column: position.column });
  const diagnostics: Diagnostic[] = [
    ...document.errors.map((problem) => ({ severity: 'error' as const, rule: 'front-matter-syntax', message: `invalid ${kind.toUpperCase()} front matter: ${problem.message}`, ...toFile(problem) })),
    ...document.warnings.map((problem) => ({ severity: 'warning' as const, rule: 'front-matter-syntax', message: problem.message, ...toFile(problem) })),
  ];
  const defaults = FrontMatterSchema.parse({});
  const data = document.data;
  if (data === undefined || data === null) return { frontMatter: defaults, diagnostics };
  if (typeof data !== 'object' || Array.isArray(data)) {
    const message = 'front matter must be a table of keys such as title, variables and connections';
    diagnostics.push({ severity: 'error', rule: 'invalid-front-matter', message, ...toFile({ line: 1, column: 1 }) });
    return { frontMatter: defaults, diagnostics };
  }
  const { frontMatter, problems } = validateFrontMatter(data as Record<string, unknown>, document);
  for (const problem of problems) diagnostics.push({ ...problem, ...toFile(problem) });
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return { frontMatter, diagnostics };
}

function validateFrontMatter(data: Record<string, unknown>, document: ReadDocument): { frontMatter: FrontMatter; problems: Diagnostic[] } {
  const known: Record<string, unknown> = {};
  const runme: Record<string, unknown> = {};
  const unknown: Record<string, unknown> = {};
  const problems: Diagnostic[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (KNOWN_FRONT_MATTER_KEYS.includes(key)) known[key] = value;
    else if (RUNME_FRONT_MATTER_KEYS.includes(key)) runme[key] = value;
    else {
      unknown[key] = value;
      const suggestion = suggestName(key, KNOWN_FRONT_MATTER_KEYS);
      const hint = suggestion === null ? '' : `; did you mean "${suggestion}"?`;
      problems.push({ severity: 'warning', rule: 'unknown-front-matter-key', message: `unknown front-matter key "${key}" is ignored${hint}`, ...document.locate([key]) });
    }
  }
  const { data: parsed, issues } = parseLeniently(FrontMatterInputSchema, known, { recordKeys: RECORD_KEYS });
  for (const issue of issues) {
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, ...issue.keys.slice(0, 1)] : issue.path;
    const target = issue.code === 'invalid_key' || issue.code === 'unrecognized_keys' ? 'key' : 'value';
    const typo = issue.code === 'unrecognized_keys' ? suggestName(String(issue.keys[0]), ENTRY_KEYS[String(issue.path[0])] ?? []) : null;
    const hint = typo === null ? '' : `; did you mean "${typo}"?`;
    const message = `invalid front matter: ${formatIssue(issue)}${hint}`;
    problems.push({ severity: 'error', rule: 'invalid-front-matter', message, ...document.locate(path, target) });
  }
  const frontMatter: FrontMatter = { ...parsed };
  if (Object.keys(runme).length > 0) frontMatter.runme = runme;
  if (Object.keys(unknown).length > 0) frontMatter.unknown = unknown;
  return { frontMatter, problems };
}
