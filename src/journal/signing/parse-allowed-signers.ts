import { parseSignerOptions } from './parse-signer-options.js';
import { readAllowedKey } from './read-allowed-key.js';

/** One line of an allowed_signers file. */
export interface AllowedSigner {
  /**
   * The principal patterns (`*` and `?` wildcards, `!` to exclude), in order.
   * Empty only for a line so malformed that ssh-keygen cannot find them.
   */
  principals: string[];
  /** `cert-authority: true`, `namespaces`, `valid-after`, `valid-before` (keys lower-case, values unquoted). */
  options: Record<string, string | true>;
  /** `type base64`, without comment; '' when the line is invalid. */
  publicKey: string;
  /** 1-based line number. */
  line: number;
  /**
   * Why ssh-keygen rejects the line, when it does (its message after
   * `FILE:LINE:`, such as `bad options: missing start quote`). ssh-keygen
   * -Y verify logs such a line and skips it; so does isAllowedSigner.
   */
  error?: string;
}

const WHITESPACE = /^[ \t\r\n]*/;

/**
 * Parses an OpenSSH allowed_signers file (ssh-keygen(1) ALLOWED SIGNERS) as
 * sshsig.c does: `principals [options] keytype base64 [comment]`; blank lines
 * and lines starting with `#` are skipped. The principals field may be
 * double-quoted. Invalid lines are kept, with `error` set, so that a
 * verifier can point at them.
 */
export function parseAllowedSigners(text: string): AllowedSigner[] {
  const entries: AllowedSigner[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, index) => {
    // ssh-keygen reads each line with its newline, which ends a field like any whitespace.
    const line = (index < lines.length - 1 ? `${raw}\n` : raw).replace(WHITESPACE, '');
    if (line === '' || line.startsWith('#')) return;
    entries.push(parseLine(line, index + 1));
  });
  return entries;
}

function parseLine(text: string, line: number): AllowedSigner {
  const invalid = (principals: string[], error: string): AllowedSigner => ({ principals, options: {}, publicKey: '', line, error });
  const field = readPrincipalsField(text);
  if (field === null) return invalid([], 'invalid line');
  const principals = field.principals.split(',');
  let keyText = field.rest;
  let optionsText = '';
  if (readAllowedKey(keyText) === null) {
    const end = findOptionsEnd(keyText);
    if (end === null) return invalid(principals, 'invalid options');
    if (end === keyText.length) return invalid(principals, 'missing key');
    optionsText = keyText.slice(0, end);
    keyText = keyText.slice(end + 1).replace(/^[ \t]*/, '');
  }
  const key = readAllowedKey(keyText);
  if (key === null) return invalid(principals, 'invalid key');
  const parsed = parseSignerOptions(optionsText);
  if (!parsed.ok) return invalid(principals, `bad options: ${parsed.error}`);
  return { principals, options: parsed.options, publicKey: key.publicKey, line };
}

/**
 * The first field, as misc.c strdelimw reads it: up to whitespace, or, when a
 * double quote comes first, the quote is dropped and the field runs to the
 * next quote. Null when there is no second field or the quote is not closed.
 */
function readPrincipalsField(text: string): { principals: string; rest: string } | null {
  const stop = text.search(/[ \t\r\n"]/);
  if (stop === -1) return null;
  if (text[stop] !== '"') return { principals: text.slice(0, stop), rest: text.slice(stop + 1).replace(WHITESPACE, '') };
  const close = text.indexOf('"', stop + 1);
  if (close === -1) return null;
  const principals = text.slice(0, stop) + text.slice(stop + 1, close);
  return { principals, rest: text.slice(close + 1).replace(WHITESPACE, '') };
}

/** Where the options field ends (sshkey_advance_past_options): the first unquoted space or tab; null for an open quote. */
function findOptionsEnd(text: string): number | null {
  let quoted = false;
  let index = 0;
  for (; index < text.length && (quoted || (text[index] !== ' ' && text[index] !== '\t')); index++) {
    if (text[index] === '\\' && text[index + 1] === '"') index++;
    else if (text[index] === '"') quoted = !quoted;
  }
  return index === text.length && quoted ? null : index;
}
