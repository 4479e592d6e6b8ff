import { detachString } from './detach-string.js';
import { createOutputLine, createOutputLineWork, formatOutputLine, startOutputLine, writeOutputToken, type OutputLineState } from './output-line.js';
import { EMPTY_SGR_CARRY, type SgrCarry } from './sgr-carry.js';
import { splitPendingTail, tokenizeOutputLine } from './tokenize-output-line.js';

/** Which stream of a process a line came from. */
export type OutputStream = 'stdout' | 'stderr';

/** One line of output, sanitized: it holds no control sequence but SGR colours, and ends in the default style. */
export interface OutputLine {
  stream: OutputStream;
  text: string;
}

/** How reading one stream stands between chunks. Internal to the buffer; treat it as opaque. */
export interface OutputStreamState {
  /** An escape sequence (or half a surrogate pair) cut off at the end of the last chunk. */
  readonly pending: string;
  /** The style active at the end of the output read so far. */
  readonly carry: SgrCarry;
  /** The unfinished line. */
  readonly line: OutputLineState;
}

/** The live output of a running cell: the last complete lines and the unfinished one of each stream, in bounded memory. */
export interface OutputBuffer {
  /** The last `capacity` complete lines of both streams, in order, sanitized. */
  readonly lines: readonly OutputLine[];
  /** The unfinished line of each stream, sanitized (`''` when nothing is visible yet). */
  readonly partial: { readonly stdout: string; readonly stderr: string };
  /** Complete lines ever appended. */
  readonly totalLines: number;
  /** Lines dropped off the front because of the capacity. */
  readonly droppedLines: number;
  /** UTF-16 length of all raw output appended. */
  readonly bytes: number;
  /** Reading state per stream. */
  readonly streams: { readonly stdout: OutputStreamState; readonly stderr: OutputStreamState };
}

/** Limits of {@link appendOutput}. */
export interface AppendOutputOptions {
  /** Complete lines kept. Default 2000. */
  capacity?: number;
  /** Visible UTF-16 code units kept per line; the rest is cut and counted in a ` … (+N chars)` marker. Default 1000. */
  maxLineLength?: number;
}

const DEFAULT_CAPACITY = 2000;
const DEFAULT_MAX_LINE_LENGTH = 1000;
const EMPTY_STREAM: OutputStreamState = { pending: '', carry: EMPTY_SGR_CARRY, line: createOutputLine(EMPTY_SGR_CARRY) };

/** An empty buffer. */
export function createOutputBuffer(): OutputBuffer {
  return {
    lines: [],
    partial: { stdout: '', stderr: '' },
    totalLines: 0,
    droppedLines: 0,
    bytes: 0,
    streams: { stdout: EMPTY_STREAM, stderr: EMPTY_STREAM },
  };
}

/**
 * The buffer after a chunk of one stream's output. Pure (the buffer passed in
 * is left as it was), so it fits a React reducer. A chunk may end anywhere,
 * even inside an escape sequence or between `\r` and `\n`. Only SGR colours
 * and styles are kept; every other control sequence becomes visible, inert
 * text. Tabs are expanded; a carriage return lets the text after it replace
 * the line. Costs time linear in the chunk plus the capacity, whatever the output.
 */
export function appendOutput(buffer: OutputBuffer, stream: OutputStream, chunk: string, options: AppendOutputOptions = {}): OutputBuffer {
  if (chunk === '') return buffer;
  const capacity = readLimit(options.capacity, DEFAULT_CAPACITY, 0);
  const state = buffer.streams[stream];
  const work = createOutputLineWork(state.line, state.carry, readLimit(options.maxLineLength, DEFAULT_MAX_LINE_LENGTH, 1));
  const text = state.pending + chunk;
  let added: OutputLine[] = [];
  let addedCount = 0;
  let start = 0;
  for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
    for (const token of tokenizeOutputLine(text.slice(start, end))) writeOutputToken(work, token);
    added.push({ stream, text: detachString(formatOutputLine(work.line)) });
    addedCount++;
    startOutputLine(work);
    // Keeps a huge chunk from holding more lines than can be kept.
    if (added.length >= 2 * capacity + 64) added = added.slice(added.length - capacity);
    start = end + 1;
  }
  const tail = splitPendingTail(tokenizeOutputLine(text.slice(start)));
  for (const token of tail.tokens) writeOutputToken(work, token);
  // What stays between chunks must not keep the chunk alive.
  work.line.body = detachString(work.line.body);

  const lines = keepLast(buffer.lines, added, capacity);
  const totalLines = buffer.totalLines + addedCount;
  return {
    lines,
    partial: { ...buffer.partial, [stream]: formatOutputLine(work.line) },
    totalLines,
    droppedLines: totalLines - lines.length,
    bytes: buffer.bytes + chunk.length,
    streams: { ...buffer.streams, [stream]: { pending: detachString(tail.pending), carry: work.carry, line: work.line } },
  };
}

/** The lines to show: the complete ones, then each stream's unfinished line if it shows anything. */
export function getVisibleLines(buffer: OutputBuffer): OutputLine[] {
  const visible = [...buffer.lines];
  if (buffer.partial.stdout !== '') visible.push({ stream: 'stdout', text: buffer.partial.stdout });
  if (buffer.partial.stderr !== '') visible.push({ stream: 'stderr', text: buffer.partial.stderr });
  return visible;
}

function readLimit(value: number | undefined, fallback: number, min: number): number {
  return value === undefined || !Number.isFinite(value) ? fallback : Math.max(min, Math.floor(value));
}

function keepLast(lines: readonly OutputLine[], added: readonly OutputLine[], capacity: number): readonly OutputLine[] {
  if (added.length === 0 && lines.length <= capacity) return lines;
  if (added.length >= capacity) return added.slice(added.length - capacity);
  const fromOld = Math.min(lines.length, capacity - added.length);
  return lines.slice(lines.length - fromOld).concat(added);
}
