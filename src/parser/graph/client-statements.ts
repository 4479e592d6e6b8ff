import type { DestructiveReason } from '../../model/safety.js';
import type { CommandUse } from '../shell/index.js';
import { parseArgs } from '../shell/parse-args.js';
import { getBaseName } from '../shell/unwrap-command.js';
import { findDialectDestructive } from '../sql/index.js';

/** Clients of other databases, and the options whose value they run as statements. A row per client. */
const CLIENTS: ReadonlyArray<{ commands: readonly string[]; options: readonly string[]; dialect: string }> = [
  { commands: ['mysql', 'mariadb'], options: ['-e', '--execute'], dialect: 'mysql' },
  { commands: ['clickhouse-client', 'clickhouse'], options: ['-q', '--query'], dialect: 'clickhouse' },
  { commands: ['mongo', 'mongosh'], options: ['--eval'], dialect: 'mongo' },
  { commands: ['cqlsh'], options: ['-e', '--execute'], dialect: 'cql' },
];

/** Destructive statements handed to another database's client (`mysql -e "RESET MASTER"`, `mysql <<EOF`), at their positions. */
export function findClientStatements(commands: readonly CommandUse[]): DestructiveReason[] {
  const reasons: DestructiveReason[] = [];
  for (const command of commands) {
    const client = CLIENTS.find((row) => row.commands.includes(getBaseName(command.name)));
    if (!client) continue;
    if (command.heredoc) {
      for (const found of findDialectDestructive(command.heredoc.text)) {
        reasons.push({ rule: found.rule, reason: `${found.reason} (in a here-document fed to ${getBaseName(command.name)})`, text: found.text, line: command.heredoc.line + found.line - 1, column: 1 });
      }
    }
    const parsed = parseArgs(command.args, { valueOptions: client.options });
    for (const option of parsed.options.filter((o) => client.options.includes(o.name))) {
      // A value that expands at run time (`"RESET MASTER; SET x='$gtids'"`) is read as written.
      const value = option.value ?? command.args[option.index + 1] ?? readWritten(command.text, option.name);
      if (value === null || value === undefined) continue;
      for (const found of findDialectDestructive(value)) {
        reasons.push({ rule: found.rule, reason: `${found.reason} (in ${getBaseName(command.name)} ${option.name})`, text: command.text, line: command.line, column: command.column });
      }
    }
  }
  return reasons;
}

/** The text after an option in the command as written, quotes removed: enough to find statements in. */
function readWritten(text: string, option: string): string | null {
  const at = text.indexOf(` ${option}`);
  if (at < 0) return null;
  const rest = text.slice(at + option.length + 1).trimStart().replace(/^=/, '');
  const quote = rest[0] === '"' || rest[0] === "'" ? rest[0] : null;
  if (!quote) return rest.split(/\s/)[0] ?? null;
  const end = rest.indexOf(quote, 1);
  return end > 0 ? rest.slice(1, end) : rest.slice(1);
}
