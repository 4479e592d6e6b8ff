import type { BlockClass, ExecutableLang } from '../../model/runbook.js';
import { looksLikeShell } from '../shell/index.js';
import { analyzeSql, looksLikeSql } from '../sql/index.js';
import { detectConfiguration, meaningfulLines } from './configuration-shapes.js';
import { findPlaceholders } from './placeholders.js';
import { parseShell } from '../shell/syntax.js';
import { detectOutput } from './output-shapes.js';
import { CLIENT_PROMPTS, DECLARED_SHELL_PROMPTS, ROOT_PROMPT, SHELL_PROMPTS, type PromptShape } from './prompt-shapes.js';
import { splitPrompted, type PromptedSplit } from './split-prompted.js';
import { detectDialect, dialectOfLanguage } from './sql-dialects.js';
import { isConfigurationLanguage, isOutputLanguage } from './languages.js';

/** What a fenced block is, and what of it runs. */
export interface BlockReading {
  block: BlockClass;
  /** Runs unattended (shell or PostgreSQL commands, or a psql transcript's statements). */
  executable: boolean;
  /** `shell`, `sql`, or the language or client it is in (`yaml`, `mysql`, `redis`). */
  lang: string;
  guess: ExecutableLang | null;
  dialect: string | null;
  /** What runs: the commands, without prompts and output. */
  source: string;
  /** 0-based block line of each line of `source`. */
  sourceLines: number[];
  /** The lines that are not commands, when the block mixes both. */
  expectedOutput: string | null;
  /** Why it was read so, when that is not plain from its label. */
  note: { severity: 'info' | 'warning'; rule: string; message: string } | null;
}

/** What the fence says: its language, its kind, and a `data-prompt` it declares. */
export interface FenceFacts {
  /** The language as written (`bash`, `ShellSession`), or null. */
  info: string | null;
  kind: ExecutableLang | null;
  /** True for `console`, `shellsession`, `terminal`: prompts expected. */
  console: boolean;
  /** MkDocs' `data-prompt="…"`, if any. */
  declaredPrompt: string | null;
}

/**
 * Reads a block as its author meant it, whatever its label: commands (with
 * their `$ ` prompts removed and output set aside), a client's transcript,
 * configuration, output, SQL of another dialect, or other code.
 */
export function classifyBlock(value: string, fence: FenceFacts): BlockReading {
  const lines = value.split('\n');
  if (fence.kind === 'shell') return readShellBlock(value, lines, fence);
  if (fence.kind === 'sql') return readSqlBlock(value, lines);
  return readOtherBlock(value, lines, fence);
}

function readShellBlock(value: string, lines: string[], fence: FenceFacts): BlockReading {
  const label = fence.info ?? 'shell';
  const prompted = splitPrompted(lines, shellShapes(fence.declaredPrompt)) ?? (fence.console ? splitPrompted(lines, [ROOT_PROMPT]) : null);
  if (prompted) {
    const note = fence.console ? null : info('shell-prompts', `${label} block has prompts: the prompted lines run (prompts removed), the other lines are expected output`);
    return fromCommands(prompted, lines, { block: 'command', executable: true, lang: 'shell', note });
  }
  const declared = declaredClientShape(fence.declaredPrompt);
  const session = splitPrompted(lines, declared ? [declared] : clientShapes('shell'));
  if (session) return readTranscript(session, lines);
  const configuration = detectConfiguration(value);
  if (configuration) return shown(value, 'configuration', 'shell', warning('configuration-in-shell-block', `${label} block is ${configuration}, not commands: shown, not run, and its $words are not inputs`));
  const tail = findConfigurationTail(lines);
  if (tail) {
    let end = tail.start;
    while (end > 1 && lines[end - 1]!.trim() === '') end--;
    const reading = command(lines.slice(0, end).join('\n'), lines.slice(0, end), 'shell');
    return { ...reading, note: warning('configuration-in-shell-block', `${label} block ends in ${tail.kind} (from its line ${tail.start + 1}): the commands before it run, the configuration is shown, not run`) };
  }
  const output = detectOutput(lines);
  if (output) {
    const leading = splitLeadingCommand(lines);
    if (leading) return { ...leading, note: info('command-then-output', `${label} block is a command followed by ${output}: the command runs, the rest is expected output`) };
    return shown(value, 'output', 'shell', info('output-in-shell-block', `${label} block is ${output}, not commands: shown as expected output, not run`), true);
  }
  if (fence.console) {
    if (looksLikeShell(maskPlaceholders(value))) return { ...command(value, lines, 'shell'), note: info('console-read-as-commands', `${label} block has no prompts, but parses and reads as commands: it runs`) };
    return shown(value, 'output', 'shell', info('console-without-prompt', `${label} block has no prompts and does not read as commands: shown as expected output, not run`), true);
  }
  return command(value, lines, 'shell');
}

/**
 * Commands, then a configuration file (`# nginx.conf` and a `server {}` block):
 * where the configuration starts (at a comment or after a blank line), if the lines before are commands.
 */
function findConfigurationTail(lines: string[]): { start: number; kind: string } | null {
  for (let start = 1; start < lines.length; start++) {
    const boundary = /^\s*#/.test(lines[start]!) || lines[start - 1]!.trim() === '';
    if (!boundary || lines[start]!.trim() === '') continue;
    const kind = detectConfiguration(lines.slice(start).join('\n'));
    if (kind && looksLikeShell(maskPlaceholders(lines.slice(0, start).join('\n')))) return { start, kind };
  }
  return null;
}

/** `kubectl exec … -- psql -l` over the table it printed: the first command (with its `\` lines), if the rest is output. */
function splitLeadingCommand(lines: string[], orConfiguration = false): BlockReading | null {
  const first = lines.findIndex((line) => line.trim() !== '');
  let last = first;
  while (last + 1 < lines.length && /\\\s*$/.test(lines[last]!)) last++;
  const commandText = lines.slice(first, last + 1).join('\n');
  const rest = lines.slice(last + 1);
  const restText = withoutElisions(rest.join('\n'));
  const isOutput = detectOutput(rest) !== null || (orConfiguration && detectConfiguration(restText) !== null);
  if (!looksLikeShell(maskPlaceholders(commandText)) || !isOutput) return null;
  const output = rest.join('\n');
  return { block: 'command', executable: true, lang: 'shell', guess: null, dialect: null, source: commandText, sourceLines: lines.slice(first, last + 1).map((_, i) => first + i), expectedOutput: output, note: null };
}

function readSqlBlock(value: string, lines: string[]): BlockReading {
  const session = splitPrompted(lines, clientShapes('sql'));
  if (session) return readTranscript(session, lines);
  const output = detectOutput(lines);
  if (output && !looksLikeSql(value)) return shown(value, 'output', 'sql', info('output-in-sql-block', `SQL block is ${output}, not statements: shown, not run`), true);
  const dialect = detectDialect(value, () => analyzeSql(value).error !== undefined);
  if (dialect) return { ...shown(value, 'reference', 'sql', info('sql-dialect', `SQL block reads as ${dialect}, not PostgreSQL: shown, never sent to a PostgreSQL target`)), dialect };
  return command(value, lines, 'sql');
}

function readOtherBlock(value: string, lines: string[], fence: FenceFacts): BlockReading {
  const lang = fence.info?.toLowerCase() ?? 'text';
  const dialect = dialectOfLanguage(fence.info);
  const session = splitPrompted(lines, clientShapes('other'));
  if (session && session.commands[0]!.shape.client !== 'shell') return readTranscript(session, lines);
  if (dialect) return { ...shown(value, 'reference', lang, info('sql-dialect', `${fence.info} block is ${dialect} SQL: shown, never sent to a PostgreSQL target`)), dialect };
  if (isConfigurationLanguage(lang)) return shown(value, 'configuration', lang, null);
  const plain = fence.info === null || isOutputLanguage(lang);
  if (!plain) return shown(value, 'reference', lang, null);
  const prompted = splitPrompted(lines, SHELL_PROMPTS);
  if (prompted && parseShell(maskPlaceholders(prompted.commands.map((c) => c.text).join('\n'))).file) {
    return fromCommands(prompted, lines, { block: 'command', executable: false, lang, guess: 'shell', note: null });
  }
  if (!value.trim()) return shown(value, 'output', lang, null);
  if (detectConfiguration(value) || isEnvironmentFile(value)) return shown(value, 'configuration', lang, null);
  if (detectOutput(lines)) return shown(value, 'output', lang, null);
  const masked = maskPlaceholders(withoutElisions(value));
  if (looksLikeSql(masked) && !detectDialect(value, false)) return { ...command(value, lines, lang), executable: false, guess: 'sql' };
  if (looksLikeShell(masked)) return { ...command(value, lines, lang), executable: false, guess: 'shell' };
  const leading = splitLeadingCommand(lines, true);
  if (leading) return { ...leading, executable: false, lang, guess: 'shell' };
  return shown(value, 'output', lang, null);
}

/** psql statements run as SQL; other clients' are shown (litops runs PostgreSQL only). */
function readTranscript(session: PromptedSplit, lines: string[]): BlockReading {
  const client = session.commands[0]!.shape.client;
  if (client === 'psql') {
    return fromCommands(session, lines, { block: 'transcript', executable: true, lang: 'sql', note: info('transcript', 'psql session: the statements after its prompts run as SQL; the result rows are expected output') });
  }
  const reading = fromCommands(session, lines, { block: 'transcript', executable: false, lang: client, note: info('transcript', `${client} session: shown, not run (litops runs shell and PostgreSQL)`) });
  return { ...reading, dialect: client };
}

function fromCommands(split: PromptedSplit, lines: string[], base: Pick<BlockReading, 'block' | 'executable' | 'lang' | 'note'> & { guess?: ExecutableLang }): BlockReading {
  const sourceLines = split.commands.flatMap((c) => c.lines);
  const output = split.outputLines.map((i) => lines[i]!).join('\n');
  return {
    ...base,
    guess: base.guess ?? null,
    dialect: null,
    source: split.commands.map((c) => c.text).join('\n'),
    sourceLines,
    expectedOutput: output.trim() ? output : null,
  };
}

/** The whole block runs, but for lines that only mark an elision (`...`, `…`). */
function command(value: string, lines: string[], lang: string): BlockReading {
  const kept = lines.map((line, i) => ({ line, i })).filter(({ line }) => !ELISION.test(line));
  if (kept.length === lines.length) return { block: 'command', executable: true, lang, guess: null, dialect: null, source: value, sourceLines: lines.map((_, i) => i), expectedOutput: null, note: null };
  return { block: 'command', executable: true, lang, guess: null, dialect: null, source: kept.map(({ line }) => line).join('\n'), sourceLines: kept.map(({ i }) => i), expectedOutput: null, note: null };
}

const ELISION = /^\s*(?:\.{3,}|…)\s*$/;

function withoutElisions(value: string): string {
  return value.split('\n').map((line) => (ELISION.test(line) ? '' : line)).join('\n');
}

/** `<pod-name>` → `_pod-name_`: the shell parser reads a placeholder as the word it stands for. */
export function maskPlaceholders(text: string): string {
  let masked = text;
  for (const placeholder of findPlaceholders(text)) {
    masked = masked.slice(0, placeholder.index) + `_${placeholder.text.slice(1, -1).replace(/ /g, '_')}_` + masked.slice(placeholder.index + placeholder.text.length);
  }
  return masked;
}

/** An unlabeled block of `NAME=value` lines and nothing else (an environment file). */
function isEnvironmentFile(value: string): boolean {
  const lines = meaningfulLines(value);
  return lines.length > 0 && lines.every((line) => /^\s*(?:export\s+)?[A-Za-z_]\w*=(?:"[^"]*"|'[^']*'|[^\s;|&]*)\s*$/.test(line));
}

function shown(value: string, block: BlockClass, lang: string, note: BlockReading['note'], asOutput = false): BlockReading {
  return { block, executable: false, lang, guess: null, dialect: null, source: asOutput ? '' : value, sourceLines: [], expectedOutput: asOutput ? value : null, note };
}

function info(rule: string, message: string): BlockReading['note'] {
  return { severity: 'info', rule, message };
}

function warning(rule: string, message: string): BlockReading['note'] {
  return { severity: 'warning', rule, message };
}

function shellShapes(declared: string | null): readonly PromptShape[] {
  if (declared?.trim() !== '#') return SHELL_PROMPTS;
  return [...SHELL_PROMPTS, { id: 'declared-hash', client: 'shell', prompt: /^\s*#\s(.+)$/ }];
}

function clientShapes(where: 'shell' | 'sql' | 'other'): readonly PromptShape[] {
  return CLIENT_PROMPTS.filter((shape) => !shape.onlyIn || shape.onlyIn.includes(where));
}

/** A `data-prompt` that is not a shell's (`>`, `mysql>`): the block is that client's session. */
function declaredClientShape(declared: string | null): PromptShape | null {
  if (declared === null || DECLARED_SHELL_PROMPTS.has(declared)) return null;
  const known = CLIENT_PROMPTS.find((shape) => shape.prompt.test(`${declared} x`));
  if (known) return known;
  const escaped = declared.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return { id: 'declared', client: 'mysql', prompt: new RegExp(`^\\s*${escaped}\\s?(.*)$`) };
}
