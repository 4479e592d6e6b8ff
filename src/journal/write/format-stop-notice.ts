/** How the notice of a run that stopped without `run.end` begins; a resume reads the reason back from it. */
const STOP_NOTICE_START = 'the run was interrupted';

/** The `run.notice` message of a run that stopped without `run.end` (default reason: none given). */
export function formatStopNotice(reason?: string): string {
  return `${STOP_NOTICE_START}${reason ? ` (${reason})` : ''}; the log is signed without run.end, and litops resume can continue it`;
}

/** What happened, from a stop notice ("the run was interrupted (the operator quit)"); null for any other message. */
export function readStopNotice(message: string): string | null {
  return message.startsWith(STOP_NOTICE_START) ? message.slice(0, message.indexOf(';') === -1 ? undefined : message.indexOf(';')) : null;
}
