/** Terminal size written in an asciicast header. */
export interface CastSize {
  width: number;
  height: number;
}

/** The size casts get when the journal is not told the operator's terminal size. */
export const DEFAULT_CAST_SIZE: CastSize = { width: 120, height: 40 };

/** Header line of an asciicast v2 file (without its newline). */
export function formatCastHeader(options: { size: CastSize; startedAt: Date; title: string }): string {
  return JSON.stringify({
    version: 2,
    width: options.size.width,
    height: options.size.height,
    timestamp: Math.floor(options.startedAt.getTime() / 1000),
    title: options.title,
    env: { SHELL: '/bin/bash', TERM: 'xterm-256color' },
  });
}

/**
 * An output event line: `[elapsed_seconds, "o", data]`. Both streams are "o",
 * as a terminal shows them. Bare newlines become CRLF, as a terminal's line
 * discipline turns them, so the cast plays without a staircase.
 */
export function formatCastFrame(elapsedSeconds: number, data: string): string {
  const text = data.includes('\n') ? data.replace(/(?<!\r)\n/g, '\r\n') : data;
  return JSON.stringify([Math.round(elapsedSeconds * 1e6) / 1e6, 'o', text]);
}
