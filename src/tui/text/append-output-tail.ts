import { appendOutput, type AppendOutputOptions, type OutputBuffer, type OutputStream } from './output-buffer.js';

const DEFAULT_CAPACITY = 2000;

/**
 * Appends a large piece of output keeping only what can still be seen: the
 * line it completes, then its last `capacity` lines. The lines in between are
 * counted (they stay in the run directory) but never sanitized or stored, so
 * a cell printing 100,000 lines costs the UI little more than a screenful. A
 * colour opened inside the skipped lines is not carried over.
 */
export function appendOutputTail(buffer: OutputBuffer, stream: OutputStream, data: string, options: AppendOutputOptions = {}): OutputBuffer {
  const capacity = options.capacity ?? DEFAULT_CAPACITY;
  const first = data.indexOf('\n');
  if (first === -1) return appendOutput(buffer, stream, data, options);
  // Where the last `capacity` lines begin: after the (capacity + 1)-th newline from the end, if there is one.
  let cut = data.length;
  for (let seen = 0; seen <= capacity; seen++) {
    cut = data.lastIndexOf('\n', cut - 1);
    if (cut <= first) return appendOutput(buffer, stream, data, options);
  }
  let skipped = 0;
  for (let at = data.indexOf('\n', first + 1); at !== -1 && at <= cut; at = data.indexOf('\n', at + 1)) skipped++;
  const head = appendOutput(buffer, stream, data.slice(0, first + 1), options);
  const counted: OutputBuffer = { ...head, totalLines: head.totalLines + skipped, droppedLines: head.droppedLines + skipped, bytes: head.bytes + (cut + 1 - (first + 1)) };
  return appendOutput(counted, stream, data.slice(cut + 1), options);
}
