import { AttributesInputSchema, KNOWN_ATTRIBUTES, RUNME_ATTRIBUTES, type Attributes } from '../../model/attributes.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { Expectation } from '../../model/expectation.js';
import { parseExpectation } from '../expectations/index.js';
import { formatIssue } from './format-issue.js';
import { locateInValue, locateOffset, type Position } from './locate.js';
import { parseLeniently } from './parse-leniently.js';
import type { RawAttribute, ReadAttributesResult } from './raw-attribute.js';
import { suggestName } from './suggest-name.js';

/** Attributes of one block or comment, the expectations parsed from its `expect`, and located problems. */
export interface AttributesResult {
  attributes: Attributes;
  expectations: Expectation[];
  diagnostics: Diagnostic[];
}

/**
 * Turns what a reader found in `text` (which starts at file position `origin`)
 * into normalised attributes: known keys validated (`invalid-attribute`, error;
 * the bad value is dropped), Runme keys kept under `runme` (`excludeFromRunAll`
 * also sets `skip` unless `skip` is given), other keys kept under `unknown`
 * (`unknown-attribute`, warning), and each `expect` parsed (`invalid-expectation`, error).
 */
export function normalizeAttributes(read: ReadAttributesResult, text: string, origin: Position): AttributesResult {
  const at = (offset: number): Position => locateOffset(text, offset, origin);
  const diagnostic = (severity: Diagnostic['severity'], rule: string, message: string, offset: number): Diagnostic => ({ severity, rule, message, ...at(offset) });
  const diagnostics: Diagnostic[] = read.warnings.map((warning) => diagnostic('warning', 'duplicate-attribute', warning.message, warning.offset));
  const known = new Map<string, RawAttribute>();
  const runme: Record<string, unknown> = {};
  const unknown: Record<string, unknown> = {};
  for (const entry of read.entries) {
    if (KNOWN_ATTRIBUTES.includes(entry.key)) known.set(entry.key, entry);
    else if (RUNME_ATTRIBUTES.includes(entry.key) || entry.key.startsWith('runme.dev/')) runme[entry.key] = entry.value;
    else {
      unknown[entry.key] = entry.value;
      const suggestion = suggestName(entry.key, KNOWN_ATTRIBUTES);
      const hint = suggestion === null ? '' : `; did you mean "${suggestion}"?`;
      diagnostics.push(diagnostic('warning', 'unknown-attribute', `unknown attribute "${entry.key}" is ignored${hint}`, entry.keyOffset));
    }
  }
  const excluded = read.entries.find((entry) => entry.key === 'excludeFromRunAll');
  if (excluded && !known.has('skip')) known.set('skip', excluded);

  const input = Object.fromEntries([...known].map(([key, entry]) => [key, entry.value]));
  const { data, issues } = parseLeniently(AttributesInputSchema, input);
  for (const issue of issues) {
    const entry = known.get(String(issue.path[0]));
    const item = typeof issue.path[1] === 'number' ? entry?.itemOffsets?.[issue.path[1]] : undefined;
    const name = entry?.key === 'excludeFromRunAll' ? `excludeFromRunAll: ${formatIssue({ ...issue, path: [] })}` : formatIssue(issue);
    diagnostics.push(diagnostic('error', 'invalid-attribute', `invalid attribute ${name}`, item ?? entry?.valueOffset ?? 0));
  }

  const expectations: Expectation[] = [];
  const expectEntry = known.get('expect');
  for (const [index, source] of (data.expect ?? []).entries()) {
    const written = rawText(expectEntry, index) ?? source;
    const parsed = parseExpectation(written);
    if (parsed.ok) {
      expectations.push(parsed.expectation);
      continue;
    }
    const valueOffset = expectEntry?.itemOffsets?.[index] ?? expectEntry?.valueOffset ?? 0;
    const offset = locateInValue(text, valueOffset, written, parsed.column);
    const where = offset === valueOffset ? ` (column ${parsed.column} of the expectation)` : '';
    const reason = parsed.message.replace(/ at column \d+/, '');
    diagnostics.push(diagnostic('error', 'invalid-expectation', `invalid expectation "${source}": ${reason}${where}`, offset));
  }

  const attributes: Attributes = Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));
  if (Object.keys(runme).length > 0) attributes.runme = runme;
  if (Object.keys(unknown).length > 0) attributes.unknown = unknown;
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return { attributes, expectations, diagnostics };
}

function rawText(entry: RawAttribute | undefined, index: number): string | undefined {
  const value = Array.isArray(entry?.value) ? entry.value[index] : entry?.value;
  return typeof value === 'string' ? value : undefined;
}
