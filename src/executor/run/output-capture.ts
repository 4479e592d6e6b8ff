import { createHash, type Hash } from 'node:crypto';

/** Options of {@link createOutputCapture}. */
export interface OutputCaptureOptions {
  /** Characters kept whole for expectations (default 8 MiB); past that only the tail is kept. */
  limit?: number;
  /** Characters of tail kept once over the limit (default 1 MiB). */
  tailLimit?: number;
  /** Strings `stdout contains "..."` looks for: found while streaming, however long the output. */
  needles?: string[];
}

/** One stream of a cell's (redacted) output: digest, size, bounded text, and streamed `contains`. */
export interface OutputCapture {
  append(text: string): void;
  /** The whole text, or its tail when the output was larger than the limit. */
  text(): string;
  /** True when `text()` is only the tail. */
  overflowed(): boolean;
  bytes(): number;
  sha256(): string;
  /** Whether a needle given at creation appeared anywhere in the stream. */
  found(needle: string): boolean;
}

/** Keeps memory bounded however much a cell prints; the digest covers every byte. */
export function createOutputCapture(options: OutputCaptureOptions = {}): OutputCapture {
  const limit = options.limit ?? 8 * 1024 * 1024;
  const tailLimit = options.tailLimit ?? 1024 * 1024;
  const needles = options.needles ?? [];
  const carryLength = Math.max(0, ...needles.map((needle) => needle.length - 1));
  const found = new Set<string>();
  const hash: Hash = createHash('sha256');
  let kept = '';
  let over = false;
  let byteCount = 0;
  let carry = '';
  return {
    append(text) {
      if (!text) return;
      hash.update(text, 'utf8');
      byteCount += Buffer.byteLength(text, 'utf8');
      const window = carry + text;
      for (const needle of needles) if (!found.has(needle) && window.includes(needle)) found.add(needle);
      carry = carryLength > 0 ? window.slice(-carryLength) : '';
      kept += text;
      if (kept.length > limit || over) {
        over = true;
        if (kept.length > tailLimit * 2) kept = kept.slice(-tailLimit);
      }
    },
    text: () => (over ? kept.slice(-tailLimit) : kept),
    overflowed: () => over,
    bytes: () => byteCount,
    sha256: () => hash.copy().digest('hex'),
    found: (needle) => found.has(needle),
  };
}
