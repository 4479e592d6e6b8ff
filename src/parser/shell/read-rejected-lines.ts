import { readCallInfo } from './call-info.js';
import { readCommands } from './collect-commands.js';
import { createSourceMap } from './source-map.js';
import { getNodeType, parseShell, walkNodes } from './syntax.js';
import type { CommandUse } from './types.js';

/**
 * The commands of lines the shell parser rejected, one line at a time, so that a
 * line it cannot read never switches the safety analysis off: the line on its
 * own if it parses, else its words split at blanks (quotes removed), which is
 * what a rule needs to recognise `kubectl delete pod {{ .Name }}`.
 */
export function readRejectedLines(source: string, lines: readonly number[]): CommandUse[] {
  const text = source.split('\n');
  const found: CommandUse[] = [];
  for (const line of lines) {
    const content = text[line - 1] ?? '';
    if (!content.trim() || /^\s*#/.test(content)) continue;
    const parsed = parseShell(content);
    if (parsed.file) {
      const map = createSourceMap(content, { line, column: 1 });
      walkNodes(parsed.file, (node) => {
        if (getNodeType(node) === 'CallExpr') found.push(...readCommands(readCallInfo(node), map));
      }, () => undefined);
      continue;
    }
    for (const piece of splitUnquoted(content)) {
      const words = piece.trim().split(/\s+/).map((word) => word.replace(/^['"]|['"]$/g, ''));
      while (words.length && (/^[A-Za-z_]\w*=/.test(words[0]!) || KEYWORDS.has(words[0]!))) words.shift();
      if (!words[0]) continue;
      const column = content.indexOf(piece.trim()) + 1;
      found.push({ name: words[0], args: words.slice(1), wrappers: [], text: piece.trim().slice(0, 200), line, column });
    }
  }
  return found;
}

/** Shell words that start a compound command, not a command. */
const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'for', 'while', 'until', 'do', 'done', 'case', 'esac', 'in', '{', '}', '!', 'function', 'select', '[[', ']]', '(', ')']);

/** A line's commands: split at `&&`, `||`, `;` and `|` outside quotes. */
function splitUnquoted(line: string): string[] {
  const pieces: string[] = [];
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quote) {
      if (char === quote) quote = null;
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (char === ';' || char === '|' || (char === '&' && line[i + 1] === '&')) {
      pieces.push(line.slice(start, i));
      if (line[i + 1] === char) i++;
      start = i + 1;
    }
  }
  pieces.push(line.slice(start));
  return pieces;
}
