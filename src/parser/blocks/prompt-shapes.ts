/**
 * Prompt shapes, as data: how a line of a shell session or of an interactive
 * client's transcript starts. A row per shape; the engine in `split-prompted.ts`
 * reads them. Adding a client is adding a row (and a fixture).
 */
export interface PromptShape {
  /** Stable id, used in diagnostics. */
  id: string;
  /** What is typed at this prompt: `shell` commands, or the statements of a client. */
  client: 'shell' | 'psql' | 'mysql' | 'redis' | 'mongo' | 'sqlite' | 'clickhouse' | 'cqlsh' | 'powershell';
  /** Matches a line that starts with the prompt; group 1 is what was typed. */
  prompt: RegExp;
  /** Matches a continuation line of a statement typed at this prompt (group 1: the text). */
  continuation?: RegExp;
  /** Needs a fence language of one of these kinds to count (a bare `> ` is a continuation in shell). */
  onlyIn?: ReadonlyArray<'shell' | 'sql' | 'other'>;
}

/** Shell prompts: `$ `, `% `, `user@host:~$ `, `[root@host ~]# `, `(venv) $ `. */
export const SHELL_PROMPTS: readonly PromptShape[] = [
  { id: 'dollar', client: 'shell', prompt: /^\s*(?:\([\w.-]+\)\s*)?\$(?:\s(.*)|$)/ },
  { id: 'percent', client: 'shell', prompt: /^\s*%\s(.+)$/ },
  { id: 'user-at-host', client: 'shell', prompt: /^\s*[\w.-]+@[\w.-]+:[^\s$#]*[$#](?:\s(.*)|$)/ },
  { id: 'host-path', client: 'shell', prompt: /^\s*[\w.-]+(?:\/[\w.-]+)*:~[^\s$#]*\$(?:\s(.*)|$)/ },
  { id: 'shell-name', client: 'shell', prompt: /^\s*(?:bash|sh|zsh)(?:-[\d.]+)?[#$]\s(.+)$/ },
  { id: 'bracketed-user-at-host', client: 'shell', prompt: /^\s*\[[\w.-]+@[\w.-]+(?:\s[^\]]*)?\][$#](?:\s(.*)|$)/ },
];

/** Prompts of interactive clients whose sessions are shown as transcripts. */
export const CLIENT_PROMPTS: readonly PromptShape[] = [
  // psql: `db=# `, `db=> `; continuation `db-# `, `db(# `, `db'# `, `db"# `, `db*# `.
  { id: 'psql', client: 'psql', prompt: /^\s*[A-Za-z_][\w$-]*=[#>](?:\s(.*)|$)/, continuation: /^\s*[A-Za-z_][\w$-]*[-('"*][#>](?:\s(.*)|$)/ },
  { id: 'mysql', client: 'mysql', prompt: /^\s*(?:mysql|MariaDB \[[^\]]*\]|MySQL\s+[\w.:-]+(?:\s+\w+)?\s+(?:SQL|JS|Py))>\s?(.*)$/, continuation: /^\s*(?:->|'>|">|`>|\/\*>)\s?(.*)$/ },
  { id: 'redis', client: 'redis', prompt: /^\s*(?:redis|(?:\d{1,3}\.){3}\d{1,3}:\d{2,5}|localhost:\d{2,5}|[\w.-]+:\d{4,5})(?:\[\d+\])?>\s?(.*)$/ },
  { id: 'mongo', client: 'mongo', prompt: /^\s*(?:[\w-]+:(?:PRIMARY|SECONDARY|ARBITER|OTHER|RECOVERING)|mongos|[\w-]+\s\[(?:direct|primary|secondary)\][\w\s:.-]*)>\s?(.*)$/ },
  { id: 'mongo-bare', client: 'mongo', prompt: /^\s*>\s(.*)$/, onlyIn: ['other'] },
  // mongosh: `test> `, `rs0 [direct: primary] admin> `.
  { id: 'mongosh', client: 'mongo', prompt: /^\s*(?:[\w-]+\s\[[\w:\s]+\]\s)?[\w-]+>\s(.*)$/, onlyIn: ['other'] },
  { id: 'sqlite', client: 'sqlite', prompt: /^\s*sqlite>\s?(.*)$/, continuation: /^\s*\.{3}>\s?(.*)$/ },
  { id: 'clickhouse', client: 'clickhouse', prompt: /^\s*[\w.-]+\s:\)\s(.*)$/, continuation: /^\s*:-\]\s?(.*)$/ },
  { id: 'cqlsh', client: 'cqlsh', prompt: /^\s*cqlsh(?::[\w]+)?>\s?(.*)$/ },
  { id: 'powershell', client: 'powershell', prompt: /^\s*PS(?:\s+[A-Za-z]:[^>]*)?>\s?(.*)$/ },
];

/** Root's `# ` prompt: in console/ShellSession fences only, and only when no other prompt is there. */
export const ROOT_PROMPT: PromptShape = { id: 'root-hash', client: 'shell', prompt: /^\s*#\s(.+)$/ };

/** `data-prompt="…"` values (MkDocs fences) that declare a shell prompt; any other declares a client's. */
export const DECLARED_SHELL_PROMPTS: ReadonlySet<string> = new Set(['$', '#', '%', '$ ', '# ']);
