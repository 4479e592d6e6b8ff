import { parseShell } from '../shell/syntax.js';
import type { PromptShape } from './prompt-shapes.js';

/** One command or statement typed at a prompt, with the 0-based block lines it spans. */
export interface PromptedCommand {
  shape: PromptShape;
  /** What was typed, prompts and continuation markers removed, lines joined with `\n`. */
  text: string;
  /** 0-based index (within the block) of each line of `text`. */
  lines: number[];
}

/** A block read as a session: what was typed, and the rest (what it printed). */
export interface PromptedSplit {
  commands: PromptedCommand[];
  /** 0-based indexes of the lines that are output. */
  outputLines: number[];
}

/** The shape whose prompt starts `line`, and what was typed after it. */
export function matchPrompt(line: string, shapes: readonly PromptShape[]): { shape: PromptShape; text: string } | null {
  for (const shape of shapes) {
    const match = shape.prompt.exec(line);
    if (match) return { shape, text: (match[1] ?? '').trimEnd() };
  }
  return null;
}

/**
 * Splits a block at its prompts. A command runs on over the lines its shape
 * marks as continuations (`-> `, `db-# `), over `\`-continued lines (the next
 * may start with `> `), and while it is incomplete: an open quote or
 * here-document in shell, an open bracket in a client's statement. Every other
 * line is output. Returns null when no line starts with a prompt.
 */
export function splitPrompted(lines: readonly string[], shapes: readonly PromptShape[]): PromptedSplit | null {
  const commands: PromptedCommand[] = [];
  const outputLines: number[] = [];
  let current: PromptedCommand | null = null;
  lines.forEach((line, index) => {
    if (current && continues(current, line)) {
      current.text += `\n${stripContinuation(current, line)}`;
      current.lines.push(index);
      return;
    }
    const prompted = matchPrompt(line, shapes);
    if (prompted) {
      current = { shape: prompted.shape, text: prompted.text, lines: [index] };
      commands.push(current);
      return;
    }
    current = null;
    outputLines.push(index);
  });
  return commands.length > 0 ? { commands, outputLines } : null;
}

function continues(command: PromptedCommand, line: string): boolean {
  const { shape, text } = command;
  if (shape.continuation?.test(line)) return true;
  if (shape.client === 'shell') return /\\$/.test(text) || (/^\s*>\s/.test(line) && /[|&]\s*$/.test(text)) || isIncompleteShell(text);
  return hasOpenBracket(text);
}

function stripContinuation(command: PromptedCommand, line: string): string {
  const match = command.shape.continuation?.exec(line);
  if (match) return (match[1] ?? '').trimEnd();
  if (command.shape.client === 'shell' && /\\$/.test(command.text)) return line.replace(/^\s*> ?/, '');
  return line;
}

/** An open quote, here-document or trailing operator: bash would ask for more lines. */
function isIncompleteShell(text: string): boolean {
  if (/(?:\|\||&&|\|)\s*$/.test(text)) return true;
  if (!/['"`]|<</.test(text)) return false;
  const parsed = parseShell(text);
  return parsed.file === undefined && /reached EOF|unclosed|must be followed by|unterminated/i.test(parsed.error.message);
}

function hasOpenBracket(text: string): boolean {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = null;
    } else if (char === '"' || char === "'" || char === '`') quote = char;
    else if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char)) depth--;
  }
  return depth > 0;
}
