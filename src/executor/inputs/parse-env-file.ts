import { parseEnvValue } from './parse-env-value.js';

/** What an env file holds, and its problems as `path:line: message` strings. */
export interface EnvFileParseResult {
  /** Values by name; a later line of the same name wins. */
  values: Record<string, string>;
  /** `path:line: message`, in file order; the lines they name gave no value. */
  errors: string[];
}

const ENTRY = /^\s*(?:export\s+)?([^=]*?)\s*=(.*)$/;
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Parses an env file (`--env-file`) in dotenv syntax: `KEY=VALUE` and
 * `export KEY=VALUE` lines, `#` comment lines, blank lines, CRLF or LF, a
 * leading BOM. Values: `'single quotes'` are literal, `"double quotes"` take
 * `\n \r \t \" \\` escapes, quoted values may span lines, and an unquoted value
 * ends at ` # comment`. Nothing is expanded. Never throws: problems are returned,
 * and their messages never show a value (it may be a secret).
 */
export function parseEnvFile(text: string, path: string): EnvFileParseResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const values = new Map<string, string>();
  const errors: string[] = [];
  for (let index = 0; index < lines.length; ) {
    const line = lines[index] ?? '';
    const report = (message: string): void => void errors.push(`${path}:${index + 1}: ${message}`);
    if (/^\s*(#.*)?$/.test(line)) {
      index += 1;
      continue;
    }
    const entry = ENTRY.exec(line);
    if (!entry) {
      report(describeLineWithoutEquals(line));
      index += 1;
      continue;
    }
    const name = entry[1] ?? '';
    const result = parseEnvValue(lines, index, entry[2] ?? '');
    if (!VARIABLE_NAME.test(name)) report(describeBadName(name));
    else if ('error' in result) report(result.error);
    else values.set(name, result.value);
    index = result.nextLine;
  }
  return { values: Object.fromEntries(values), errors };
}

function describeLineWithoutEquals(line: string): string {
  const exported = /^\s*export\s+([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(line);
  if (exported) return `expected NAME=VALUE, got "export ${exported[1]}" without a value (write ${exported[1]}=VALUE)`;
  return 'expected NAME=VALUE or a # comment, got a line without "=" (not shown: it may be a secret)';
}

function describeBadName(name: string): string {
  if (name === '') return 'expected NAME=VALUE, but the name before "=" is empty';
  return `${JSON.stringify(name)} is not a variable name (letters, digits and _, not starting with a digit)`;
}
