import { showControl } from './show-control.js';
import { tokenizeTerminal } from './tokenize-terminal.js';

/**
 * Terminal output as plain text: colours and styles (SGR) dropped, every other
 * escape sequence and control character shown inert (`␛[2J`, `␍`), so nothing
 * the command printed is hidden and nothing acts on the reader's terminal.
 */
export function formatTerminalPlain(output: string): string {
  return tokenizeTerminal(output)
    .map((token) => (token.kind === 'text' ? token.text : token.kind === 'sgr' ? '' : showControl(token.raw)))
    .join('');
}
