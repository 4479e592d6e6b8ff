import { appendOutput, createOutputBuffer, type AppendOutputOptions, type OutputBuffer, type ProseLine } from '../../../src/tui/text/index.js';

/** A buffer after appending the chunks to stdout, in order. */
export function appendAll(chunks: readonly string[], options?: AppendOutputOptions, buffer: OutputBuffer = createOutputBuffer()): OutputBuffer {
  return chunks.reduce((current, chunk) => appendOutput(current, 'stdout', chunk, options), buffer);
}

/** The texts of the complete lines. */
export function getTexts(buffer: OutputBuffer): string[] {
  return buffer.lines.map((line) => line.text);
}

/** Every SGR colour sequence, the only escape sequence the buffer keeps. */
export const SGR = /\u001b\[[0-9;]*m/g;

/** A character a terminal would act on: controls (ESC included), C1, bidirectional marks and overrides. */
export const ACTIVE_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Whether `text` holds nothing a terminal would act on but SGR colour sequences. */
export function isInert(text: string): boolean {
  return !ACTIVE_CHARACTER.test(text.replace(SGR, ''));
}

/** Rendered prose as plain strings, one per line. */
export function toPlain(lines: readonly ProseLine[]): string[] {
  return lines.map((line) => line.map((segment) => segment.text).join(''));
}
