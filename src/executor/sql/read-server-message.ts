import type { ServerMessage } from './backend.js';

/** Reads an ErrorResponse/NoticeResponse as `pg` and PGlite parse it (same field names). */
export function readServerMessage(raw: unknown): ServerMessage {
  const message = raw as Partial<Record<'severity' | 'message' | 'code' | 'position' | 'detail' | 'hint' | 'where', string>>;
  const position = message.position ? Number.parseInt(message.position, 10) : Number.NaN;
  return {
    severity: message.severity ?? 'ERROR',
    message: message.message ?? String(raw),
    code: message.code ?? null,
    position: Number.isFinite(position) ? position : null,
    detail: message.detail ?? null,
    hint: message.hint ?? null,
    where: message.where ?? null,
  };
}
