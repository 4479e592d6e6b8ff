const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed',
  ENOENT: 'no server socket there (is PostgreSQL running?)',
  EACCES: 'permission denied',
};

function readCode(error: unknown): string | undefined {
  const direct = (error as { code?: unknown }).code;
  if (typeof direct === 'string') return direct;
  // Node reports a refused "localhost" (tried on ::1 and 127.0.0.1) as an AggregateError.
  const nested = (error as { errors?: Array<{ code?: unknown }> }).errors?.[0]?.code;
  return typeof nested === 'string' ? nested : undefined;
}

/**
 * One line saying why a connection could not be opened, naming the target by
 * its redacted description: `cannot reach PostgreSQL at postgres://u:[REDACTED]@h:5433/db: connection refused`,
 * or `cannot connect to ...: password authentication failed for user "u" (SQLSTATE 28P01)`.
 */
export function describeConnectError(error: unknown, description: string, timeoutMs: number): string {
  const code = readCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (typeof (error as { severity?: unknown }).severity === 'string') {
    return `cannot connect to PostgreSQL at ${description}: ${message}${code ? ` (SQLSTATE ${code})` : ''}`;
  }
  if (code && NETWORK_REASONS[code]) return `cannot reach PostgreSQL at ${description}: ${NETWORK_REASONS[code]}`;
  if (/timeout/i.test(message)) return `cannot reach PostgreSQL at ${description}: no answer within ${timeoutMs / 1000} s`;
  return `cannot connect to PostgreSQL at ${description}: ${message || code || 'unknown error'}`;
}
