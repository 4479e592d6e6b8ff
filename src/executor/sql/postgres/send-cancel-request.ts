import { connect } from 'node:net';

/** Where to send a CancelRequest and which backend it names. */
export interface CancelTarget {
  host: string;
  port: number;
  processId: number;
  secretKey: number;
}

/** The protocol's CancelRequest code (1234 << 16 | 5678). */
const CANCEL_REQUEST_CODE = 80877102;

/**
 * Sends PostgreSQL's CancelRequest on a new connection (plain, as the server
 * accepts it before any TLS or authentication), then waits for the server to
 * close it, so the cancel has been delivered when this resolves. Resolves false
 * when the server could not be reached within `timeoutMs`.
 */
export function sendCancelRequest(target: CancelTarget, timeoutMs = 3000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = target.host.startsWith('/') ? connect(`${target.host}/.s.PGSQL.${target.port}`) : connect(target.port, target.host);
    let sent = false;
    const finish = (ok: boolean): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    socket.on('connect', () => {
      const packet = Buffer.alloc(16);
      packet.writeInt32BE(16, 0);
      packet.writeInt32BE(CANCEL_REQUEST_CODE, 4);
      packet.writeInt32BE(target.processId, 8);
      packet.writeInt32BE(target.secretKey, 12);
      socket.write(packet, () => {
        sent = true;
      });
    });
    socket.on('error', () => finish(sent));
    socket.on('close', () => finish(sent));
    socket.on('data', () => {});
  });
}
