import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import { AnswersSchema, type Answers } from '../../model/answers.js';
import { UsageError } from '../../model/errors.js';
import type { Runbook } from '../../model/runbook.js';

/**
 * Reads `--answers FILE` (YAML), validated at the edge. Syntax and shape
 * problems are one UsageError (exit 2) with `file:line`.
 */
export async function readAnswersFile(path: string): Promise<Answers> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`--answers ${path}: cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { cause: error });
  }
  return parseAnswers(text, path);
}

/** Parses answers text; `path` only names the file in messages. */
export function parseAnswers(text: string, path: string): Answers {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  const syntax = document.errors[0];
  // yaml ends its first line with "at line L, column C:" before a code excerpt; file:line already says where.
  if (syntax) throw new UsageError(`${path}:${syntax.linePos?.[0]?.line ?? 1}: ${syntax.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
  const parsed = AnswersSchema.safeParse(document.toJS() ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const node = document.getIn(issue.path as Array<string | number>, true) as { range?: [number, number, number] } | undefined;
  const line = node?.range ? lineCounter.linePos(node.range[0]).line : 1;
  const where = issue.path.length ? ` at ${issue.path.join('.')}` : '';
  throw new UsageError(`${path}:${line}: ${issue.message}${where} (answers take criteria, steps, prerequisites, confirm; see litops run --help)`);
}

/** Every id in the answers that the runbook does not have, as `kind id` strings. */
export function findUnknownAnswerIds(answers: Answers, runbook: Runbook): string[] {
  const criteria = new Set(runbook.criteria.map((c) => c.id));
  const steps = new Set(runbook.steps.map((s) => s.id));
  const prerequisites = new Set(runbook.prerequisites.map((p) => p.id));
  const cells = new Set(runbook.cells.flatMap((c) => [c.id, ...(c.attributes.name ? [c.attributes.name] : [])]));
  return [
    ...Object.keys(answers.criteria).filter((id) => !criteria.has(id)).map((id) => `criteria ${id}`),
    ...Object.keys(answers.steps).filter((id) => !steps.has(id)).map((id) => `steps ${id}`),
    ...Object.keys(answers.prerequisites).filter((id) => !prerequisites.has(id)).map((id) => `prerequisites ${id}`),
    ...answers.confirm.filter((id) => !cells.has(id)).map((id) => `confirm ${id}`),
  ];
}
