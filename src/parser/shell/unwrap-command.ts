import { parseArgs, hasOption } from './parse-args.js';

/** How a command that runs another command reads its own arguments. */
interface WrapperSpec {
  valueOptions?: readonly string[];
  /** Operands before the wrapped command (`timeout DURATION cmd`). */
  operands?: number;
  /** `NAME=value` words before the wrapped command (`env A=1 cmd`). */
  assignments?: boolean;
  /** Options that make the wrapper run nothing (`command -v`, `sudo -l`). */
  noCommand?: readonly string[];
  /** The wrapped words are joined into a script for `sh -c` unless one of these options is given (`watch`). */
  scriptUnless?: readonly string[];
}

/** Wrappers that run the rest of their arguments as a command. Extend here. */
export const wrappers: Readonly<Record<string, WrapperSpec>> = {
  sudo: {
    valueOptions: ['-u', '-g', '-h', '-p', '-C', '-D', '-r', '-t', '-U', '-T', '-R', '--user', '--group', '--host', '--prompt', '--chdir', '--role', '--type', '--other-user', '--close-from', '--command-timeout'],
    noCommand: ['-l', '--list', '-v', '--validate', '-V', '--version', '-e', '--edit', '-K'],
  },
  doas: { valueOptions: ['-u', '-C'] },
  env: { valueOptions: ['-u', '--unset', '-C', '--chdir'], assignments: true },
  nohup: {},
  time: { valueOptions: ['-f', '--format', '-o', '--output'] },
  timeout: { valueOptions: ['-s', '--signal', '-k', '--kill-after'], operands: 1 },
  xargs: {
    valueOptions: ['-I', '-a', '-d', '-E', '-L', '-n', '-P', '-s', '--arg-file', '--delimiter', '--eof', '--max-lines', '--max-args', '--max-procs', '--max-chars', '--process-slot-var'],
  },
  watch: { valueOptions: ['-n', '--interval', '-q', '--equexit'], scriptUnless: ['-x', '--exec'] },
  exec: { valueOptions: ['-a'] },
  command: { noCommand: ['-v', '-V'] },
  builtin: {},
  nice: { valueOptions: ['-n', '--adjustment'] },
  ionice: { valueOptions: ['-c', '--class', '-n', '--classdata'], noCommand: ['-p', '--pid', '-P', '--pgid', '-u', '--uid'] },
  stdbuf: { valueOptions: ['-i', '-o', '-e', '--input', '--output', '--error'] },
};

/** The command a simple command really runs. */
export interface Unwrapped {
  /** Index in the words of the wrapped command's name. */
  start: number;
  /** Wrapper names peeled off, outermost first. */
  wrappers: string[];
  /** Set when the wrapper runs its words as a shell script (`watch 'a | b'`): index of the first script word. */
  scriptFrom?: number;
}

/** Peels wrappers off `words` (static text or null); the name is words[start]. */
export function unwrapCommand(words: readonly (string | null)[]): Unwrapped {
  const peeled: string[] = [];
  let start = 0;
  for (;;) {
    const name = words[start];
    const spec = name === null || name === undefined ? undefined : wrappers[getBaseName(name)];
    if (name === null || name === undefined || spec === undefined) return { start, wrappers: peeled };
    const args = words.slice(start + 1);
    const parsed = parseArgs(args, { valueOptions: spec.valueOptions ?? [], stopAtPositional: true });
    let next = parsed.rest;
    if (spec.assignments) while (next < args.length && /^[A-Za-z_]\w*=/.test(args[next] ?? '')) next++;
    next += spec.operands ?? 0;
    if (next >= args.length || (spec.noCommand && hasOption(parsed, spec.noCommand))) return { start, wrappers: peeled };
    peeled.push(getBaseName(name));
    start += 1 + next;
    if (spec.scriptUnless && !hasOption(parsed, spec.scriptUnless)) return { start, wrappers: peeled, scriptFrom: start };
  }
}

/** `/usr/bin/rm` -> `rm`; a leading backslash (`\rm`, alias bypass) is already gone from static text. */
export function getBaseName(name: string): string {
  const slash = name.lastIndexOf('/');
  return slash >= 0 ? name.slice(slash + 1) : name;
}
