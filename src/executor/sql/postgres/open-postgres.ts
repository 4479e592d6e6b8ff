import pg from 'pg';
import { ConnectionLostError, TargetUnavailableError, type SqlBackend, type TransactionStatus } from '../backend.js';
import type { TargetSpec } from '../types.js';
import { buildClientConfig } from './build-client-config.js';
import { describeConnectError } from './describe-connect-error.js';
import { readServerMessage } from '../read-server-message.js';
import { sendCancelRequest } from './send-cancel-request.js';
import { StatementQuery } from './statement-query.js';

interface BackendKey {
  processID: number | null;
  secretKey: number | null;
}

/**
 * Connects to a PostgreSQL server with `pg` and wraps the client as a
 * `SqlBackend`. Every client event is handled, so a server that goes away
 * marks the backend lost instead of crashing the process. Throws
 * `TargetUnavailableError` when it cannot connect.
 */
export async function openPostgres(target: TargetSpec, connectTimeoutMs: number): Promise<SqlBackend> {
  let lost: string | null = null;
  let closing = false;
  let status: TransactionStatus = 'idle';
  let current: StatementQuery | null = null;
  let client: pg.Client;
  try {
    client = new pg.Client(buildClientConfig(target, connectTimeoutMs));
  } catch (error) {
    throw new TargetUnavailableError(describeConnectError(error, target.description, connectTimeoutMs));
  }
  const markLost = (reason: string): void => {
    if (closing) return;
    lost ??= reason;
    current?.abandon(lost);
  };
  client.on('error', (error: Error) => markLost(error.message || String(error)));
  client.on('end', () => markLost('the server closed the connection'));
  client.on('notice', (notice) => current?.addNotice(readServerMessage(notice)));
  try {
    await client.connect();
  } catch (error) {
    closing = true;
    client.connection.stream.destroy();
    throw new TargetUnavailableError(describeConnectError(error, target.description, connectTimeoutMs));
  }

  const execute: SqlBackend['execute'] = async (text, { maxRows }) => {
    if (lost) throw new ConnectionLostError(lost);
    const query = new StatementQuery(text, maxRows);
    current = query;
    void client.query(query);
    const outcome = await query.done;
    current = null;
    if ('lost' in outcome) {
      markLost(outcome.lost.message);
      throw outcome.lost;
    }
    status = outcome.status;
    return outcome.result;
  };

  let serverVersion: string | null = null;
  try {
    serverVersion = (await execute('SHOW server_version', { maxRows: 1 })).rows[0]?.[0] ?? null;
  } catch (error) {
    throw new TargetUnavailableError(`lost the connection to PostgreSQL at ${target.description} right after connecting: ${(error as Error).message}`);
  }

  return {
    serverVersion,
    canCancel: true,
    execute,
    transactionStatus: () => status,
    lostReason: () => lost,
    cancel: async () => {
      const key = client as unknown as BackendKey;
      if (lost || key.processID === null || key.secretKey === null) return false;
      return sendCancelRequest({ host: client.host, port: Number(client.port), processId: key.processID, secretKey: key.secretKey });
    },
    destroy: () => {
      markLost('the connection was dropped because a statement did not stop after being cancelled');
      client.connection.stream.destroy();
    },
    close: async () => {
      closing = true;
      if (lost) {
        client.connection.stream.destroy();
        return;
      }
      await client.end().catch(() => client.connection.stream.destroy());
    },
  };
}
