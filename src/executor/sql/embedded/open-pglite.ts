import { ConnectionLostError, MAX_NOTICES, type RawStatementResult, type SqlBackend, type TransactionStatus } from '../backend.js';
import { readServerMessage } from '../read-server-message.js';

const STATUS: Record<string, TransactionStatus> = { I: 'idle', T: 'transaction', E: 'failed' };

/** A simple-protocol Query message ('Q'), as PGlite's own `exec` sends. */
function encodeQuery(text: string): Uint8Array {
  const body = new TextEncoder().encode(`${text}\0`);
  const message = new Uint8Array(5 + body.length);
  message[0] = 0x51;
  new DataView(message.buffer).setInt32(1, 4 + body.length);
  message.set(body, 5);
  return message;
}

interface BackendMessage {
  name: string;
  fields?: Array<{ name: string; dataTypeID: number } | string | null>;
  text?: string;
  status?: string;
  chunk?: Uint8Array;
}

/** Folds PGlite's parsed backend messages for one statement into a raw result. */
function readMessages(messages: readonly BackendMessage[], result: RawStatementResult, maxRows: number): TransactionStatus {
  let status: TransactionStatus = 'idle';
  for (const message of messages) {
    if (message.name === 'rowDescription') {
      result.columns = (message.fields as Array<{ name: string; dataTypeID: number }>).map((field) => ({ name: field.name, typeOid: field.dataTypeID }));
    } else if (message.name === 'dataRow') {
      result.rowsReceived++;
      if (result.rows.length < maxRows) result.rows.push(message.fields as Array<string | null>);
    } else if (message.name === 'copyData' && message.chunk) {
      result.columns ??= [{ name: 'COPY', typeOid: 25 }];
      result.rowsReceived++;
      if (result.rows.length < maxRows) result.rows.push([new TextDecoder().decode(message.chunk).replace(/\n$/, '')]);
    } else if (message.name === 'commandComplete') {
      result.tag = message.text ?? null;
    } else if (message.name === 'error') {
      result.error = readServerMessage(message);
    } else if (message.name === 'readyForQuery') {
      status = STATUS[message.status ?? 'I'] ?? 'idle';
    }
  }
  return status;
}

/** Runs PGlite's initdb in `dataDir` (about 3 s) and closes it again. */
export async function initialisePglite(dataDir: string): Promise<void> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite({ dataDir });
  await db.waitReady;
  await db.close();
}

/**
 * Opens PGlite on a data directory as a `SqlBackend`. PGlite runs inside this
 * process, so a statement blocks the event loop until it ends: it cannot be
 * cancelled, and `statement_timeout` is not enforced by it.
 */
export async function openPglite(dataDir: string): Promise<SqlBackend> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite({ dataDir });
  await db.waitReady;
  let lost: string | null = null;
  let crashed = false;
  let status: TransactionStatus = 'idle';

  const execute: SqlBackend['execute'] = async (text, { maxRows }) => {
    if (lost) throw new ConnectionLostError(lost);
    const result: RawStatementResult = { tag: null, columns: null, rows: [], rowsReceived: 0, notices: [], noticesDropped: 0, error: null };
    const onNotice = (notice: unknown): void => {
      if (result.notices.length < MAX_NOTICES) result.notices.push(readServerMessage(notice));
      else result.noticesDropped++;
    };
    try {
      const { messages } = await db.execProtocol(encodeQuery(text), { throwOnError: false, onNotice });
      status = readMessages(messages as BackendMessage[], result, maxRows);
    } catch (error) {
      // PGlite's WebAssembly exited (e.g. `Program terminated with exit(1)`): it must not be called again.
      crashed = true;
      lost = `the embedded PostgreSQL stopped: ${(error as Error).message}`;
      throw new ConnectionLostError(lost);
    }
    return result;
  };

  const serverVersion = (await execute('SHOW server_version', { maxRows: 1 })).rows[0]?.[0] ?? null;
  await execute(`SET application_name = 'litops'`, { maxRows: 0 });
  return {
    serverVersion,
    canCancel: false,
    execute,
    transactionStatus: () => status,
    lostReason: () => lost,
    cancel: async () => false,
    // PGlite cannot be interrupted, so dropping it only stops further use; `close` shuts it down.
    destroy: () => {
      lost ??= 'the embedded PostgreSQL was closed';
    },
    close: async () => {
      if (crashed || db.closed) return;
      await db.close();
    },
  };
}
