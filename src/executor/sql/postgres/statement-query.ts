import type { Connection, Submittable } from 'pg';
import { ConnectionLostError, MAX_NOTICES, type RawStatementResult, type ServerMessage, type TransactionStatus } from '../backend.js';
import { readServerMessage } from '../read-server-message.js';

/** How one statement ended on a `pg` connection. */
export type StatementOutcome = { result: RawStatementResult; status: TransactionStatus } | { lost: ConnectionLostError; result: RawStatementResult };

const STATUS: Record<string, TransactionStatus> = { I: 'idle', T: 'transaction', E: 'failed' };

interface FieldMessage {
  fields: Array<{ name: string; dataTypeID: number }>;
}

/** Errors after which the connection is gone: FATAL/PANIC from the server, or a socket error. */
function isFatal(error: unknown): boolean {
  const severity = (error as { severity?: unknown }).severity;
  return typeof severity !== 'string' || severity === 'FATAL' || severity === 'PANIC';
}

/**
 * A `pg` submittable that sends one statement with the simple query protocol
 * and keeps its raw text results, at most `maxRows` rows (the rest are only
 * counted), the full command tag, and the transaction status that follows.
 * It settles on ReadyForQuery, or as soon as the connection is lost.
 */
export class StatementQuery implements Submittable {
  readonly done: Promise<StatementOutcome>;
  private readonly result: RawStatementResult = { tag: null, columns: null, rows: [], rowsReceived: 0, notices: [], noticesDropped: 0, error: null };
  private settle!: (outcome: StatementOutcome) => void;
  private connection: Connection | null = null;
  private settled = false;
  private readonly onReady = (message: { status?: string }): void => {
    this.finish({ result: this.result, status: STATUS[message.status ?? 'I'] ?? 'idle' });
  };

  constructor(
    readonly text: string,
    private readonly maxRows: number,
  ) {
    this.done = new Promise((resolve) => {
      this.settle = resolve;
    });
  }

  /** Adds a notice the session received while this statement ran. */
  addNotice(notice: ServerMessage): void {
    if (this.result.notices.length < MAX_NOTICES) this.result.notices.push(notice);
    else this.result.noticesDropped++;
  }

  submit(connection: Connection): void {
    this.connection = connection;
    // The client's own listener runs first; this one then sees the status of our statement.
    connection.once('readyForQuery', this.onReady);
    connection.query(this.text);
  }

  handleRowDescription(message: FieldMessage): void {
    this.result.columns = message.fields.map((field) => ({ name: field.name, typeOid: field.dataTypeID }));
  }

  handleDataRow(message: { fields: Array<string | null> }): void {
    this.result.rowsReceived++;
    if (this.result.rows.length < this.maxRows) this.result.rows.push(message.fields);
  }

  handleCommandComplete(message: { text: string }): void {
    this.result.tag = message.text;
  }

  handleEmptyQuery(): void {}

  handlePortalSuspended(): void {}

  handleCopyInResponse(connection: Connection): void {
    (connection as unknown as { sendCopyFail(message: string): void }).sendCopyFail('litops does not send data to COPY ... FROM STDIN; use a file on the server or \\copy in a shell cell');
  }

  handleCopyData(message: { chunk: Buffer }): void {
    this.result.columns ??= [{ name: 'COPY', typeOid: 25 }];
    this.result.rowsReceived++;
    if (this.result.rows.length < this.maxRows) this.result.rows.push([message.chunk.toString('utf8').replace(/\n$/, '')]);
  }

  handleError(error: unknown): void {
    if (isFatal(error)) {
      const server = typeof (error as { severity?: unknown }).severity === 'string' ? readServerMessage(error) : null;
      if (server) this.result.error = server;
      const reason = server ? `${server.message}${server.code ? ` (SQLSTATE ${server.code})` : ''}` : (error as Error).message || String(error);
      this.finish({ lost: new ConnectionLostError(reason, server), result: this.result });
      return;
    }
    this.result.error = readServerMessage(error);
  }

  handleReadyForQuery(): void {}

  /** Ends the wait when the connection died without telling this statement (e.g. after an ERROR, before ReadyForQuery). */
  abandon(reason: string): void {
    this.finish({ lost: new ConnectionLostError(reason, this.result.error), result: this.result });
  }

  private finish(outcome: StatementOutcome): void {
    if (this.settled) return;
    this.settled = true;
    this.connection?.removeListener('readyForQuery', this.onReady);
    this.settle(outcome);
  }
}
