/** A variable the cell set or changed: its `declare -p` line (exact bytes) and its value. */
export interface ChangedVariable {
  name: string;
  /** `declare -p` output, newline included, byte for byte. */
  declaration: Buffer;
  /** The scalar value as UTF-8; empty for arrays (their declaration is their value). */
  value: string;
}

/** What one cell changed, as the EXIT trap wrote it to `changes.out`. */
export interface StateChanges {
  changed: ChangedVariable[];
  /** Variables that existed when the cell started and no longer do. */
  unset: string[];
  /** `$PWD` when the cell ended. */
  cwd: string;
}

/**
 * Parses the NUL-separated records `V name declaration value`, `U name`, `C cwd`
 * and the final `E`. Returns null unless the file is complete (bash was killed
 * while writing it, or never got there).
 */
export function parseStateChanges(bytes: Buffer): StateChanges | null {
  const fields = splitOnNul(bytes);
  const changes: StateChanges = { changed: [], unset: [], cwd: '' };
  let index = 0;
  const next = (): Buffer | undefined => fields[index++];
  for (;;) {
    const tag = next()?.toString('latin1');
    if (tag === 'E') return index === fields.length && changes.cwd !== '' ? changes : null;
    const name = next()?.toString('utf8');
    if (tag === undefined || name === undefined) return null;
    if (tag === 'V') {
      const declaration = next();
      const value = next();
      if (!declaration || !value) return null;
      changes.changed.push({ name, declaration, value: value.toString('utf8') });
    } else if (tag === 'U') {
      changes.unset.push(name);
    } else if (tag === 'C') {
      changes.cwd = name;
    } else {
      return null;
    }
  }
}

/** Fields between NUL bytes; the bytes after the last NUL (an unterminated field) are dropped. */
function splitOnNul(bytes: Buffer): Buffer[] {
  const fields: Buffer[] = [];
  let start = 0;
  for (let end = bytes.indexOf(0, start); end !== -1; end = bytes.indexOf(0, start)) {
    fields.push(bytes.subarray(start, end));
    start = end + 1;
  }
  return fields;
}
