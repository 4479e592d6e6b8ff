import type { EventLineRecord } from '../run-record/index.js';

/** Event types left out of the timeline: output chunks and statements show with their cells. */
const HIDDEN = new Set(['cell.output', 'sql.statement']);

/** One line saying what an event of events.jsonl records, or null for events the timeline leaves out. */
export function describeEvent(line: EventLineRecord): string | null {
  if (HIDDEN.has(line.type)) return null;
  const get = (key: string): string => toText(line[key]);
  const reason = line.reason ? `: ${get('reason')}` : '';
  switch (line.type) {
    case 'run.start':
      return `run started by ${get('principal')} on ${get('host')} (${get('mode')})`;
    case 'run.resume':
      return `run resumed by ${get('principal')}${reason}`;
    case 'target.open': {
      const target = (line.target ?? {}) as Record<string, unknown>;
      return `SQL target ${toText(target.name)} opened: ${toText(target.description)} (${toText(target.kind)}, from ${toText(target.source)})`;
    }
    case 'step.start':
      return `step ${get('step')} started: ${get('title')}`;
    case 'step.end':
      return `step ${get('step')} ${get('status')}`;
    case 'cell.start':
      return `cell ${get('cell')} attempt ${get('attempt')} started${line.originalSha256 ? ' with an edited source' : ''}`;
    case 'cell.end': {
      const stopped = line.stopped as { by?: unknown } | null | undefined;
      const how = stopped ? `, a blocking cell ended by ${stopped.by === 'operator' ? 'the operator' : 'its timeout'}` : '';
      return `cell ${get('cell')} attempt ${get('attempt')} ${get('status')}${line.exitCode === null || line.exitCode === undefined ? '' : `, exit ${get('exitCode')}`}${how}`;
    }
    case 'decision':
      return `${get('action')} ${toText(line.cell ?? line.step ?? 'the run')} by ${get('by')}${reason}`;
    case 'criterion':
      return `criterion ${get('criterion')}: ${get('result')} by ${get('by')}`;
    case 'checkpoint':
      return 'checkpoint: chain head signed';
    case 'run.notice':
      return `${get('level')}: ${get('message')}`;
    case 'run.end':
      return `run ended ${get('status')} (exit ${get('exitCode')})${reason}`;
    default:
      return line.type;
  }
}

function toText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
