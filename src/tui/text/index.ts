export {
  appendOutput,
  createOutputBuffer,
  getVisibleLines,
  type AppendOutputOptions,
  type OutputBuffer,
  type OutputLine,
  type OutputStream,
  type OutputStreamState,
} from './output-buffer.js';
export { appendOutputTail } from './append-output-tail.js';
export type { OutputLineState } from './output-line.js';
export { renderProse, type ProseLine, type ProseSegment } from './render-prose.js';
export type { SgrCarry } from './sgr-carry.js';
export { cutToWidth, getTextWidth } from './text-width.js';
