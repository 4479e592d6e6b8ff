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
  /** The wrapped words are always a script, joined (`ssh host 'cmd; cmd'`, `knife ssh QUERY 'cmd'`). */
  script?: boolean;
  /** Subcommands, in order, that make this a wrapper (`kubectl exec`, `docker compose exec`); value options of the tool may come before. */
  path?: ReadonlyArray<readonly string[]>;
  /** The wrapped command comes after `--` (`kubectl exec POD -- cmd`). */
  afterDoubleDash?: boolean;
  /** The wrapped script is the value of one of these options (`su -c 'cmd'`, `ansible all -a 'cmd'`). */
  scriptOption?: readonly string[];
}

const sshValueOptions = ['-p', '-i', '-l', '-o', '-F', '-J', '-L', '-R', '-D', '-b', '-c', '-E', '-e', '-I', '-m', '-O', '-Q', '-S', '-W', '-w', '-B'];
const kubeGlobal = ['-n', '--namespace', '--context', '--cluster', '--kubeconfig', '-s', '--server', '--user', '--token', '--as', '--request-timeout'];
const kubeExec: WrapperSpec = { path: [['exec']], valueOptions: [...kubeGlobal, '-c', '--container', '-f', '--filename', '--pod-running-timeout'], afterDoubleDash: true };
const dockerExecOptions = ['-e', '--env', '-u', '--user', '-w', '--workdir', '--env-file', '--detach-keys', '-H', '--host', '--context', '-c', '--config', '-f', '--file', '-p', '--project-name', '--index', '--profile', '--project-directory'];
const dockerExec: WrapperSpec[] = [
  { path: [['exec']], valueOptions: dockerExecOptions, operands: 1 },
  { path: [['compose'], ['exec', 'run']], valueOptions: dockerExecOptions, operands: 1 },
];

/** Wrappers that run the rest of their arguments as a command. Extend here. */
export const wrappers: Readonly<Record<string, WrapperSpec | readonly WrapperSpec[]>> = {
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
  ssh: { valueOptions: sshValueOptions, operands: 1, script: true, noCommand: ['-V', '-G', '-Q', '-N', '-O'] },
  knife: { path: [['ssh']], valueOptions: ['-x', '--ssh-user', '-i', '--ssh-identity-file', '-p', '--ssh-port', '-a', '--attribute', '-C', '--concurrency', '-m', '-G', '--ssh-gateway'], operands: 1, script: true },
  kubectl: kubeExec,
  oc: kubeExec,
  docker: dockerExec,
  podman: dockerExec,
  nerdctl: dockerExec,
  'docker-compose': { path: [['exec', 'run']], valueOptions: dockerExecOptions, operands: 1 },
  su: { valueOptions: ['-s', '--shell', '-g', '--group', '-G', '--supp-group', '-w', '--whitelist-environment'], scriptOption: ['-c', '--command'] },
  runuser: { valueOptions: ['-s', '--shell', '-g', '--group', '-G', '--supp-group', '-u', '--user', '-w'], scriptOption: ['-c', '--command'] },
  ansible: { valueOptions: ['-m', '--module-name', '-i', '--inventory', '-u', '--user', '-f', '--forks', '-e', '--extra-vars', '-l', '--limit', '--become-user', '-c', '--connection', '-T', '--timeout'], scriptOption: ['-a', '--args'] },
  npx: { valueOptions: ['-p', '--package', '-c', '--call'] },
  bunx: {},
  bundle: { path: [['exec']] },
  poetry: { path: [['run']] },
  uv: { path: [['run']] },
  flock: { valueOptions: ['-w', '--timeout', '-E', '--conflict-exit-code'], operands: 1 },
  chroot: { valueOptions: ['--userspec', '--groups'], operands: 1 },
  'ip': { path: [['netns'], ['exec']], operands: 1 },
  nsenter: { valueOptions: ['-t', '--target', '-S', '--setuid', '-G', '--setgid'] },
};

/** The command a simple command really runs. */
export interface Unwrapped {
  /** Index in the words of the wrapped command's name. */
  start: number;
  /** Wrapper names peeled off, outermost first. */
  wrappers: string[];
  /** Set when the wrapper runs its words as a shell script (`watch 'a | b'`): index of the first script word. */
  scriptFrom?: number;
  /** End (exclusive) of the script words, when only one option value is the script (`su -c 'cmd' user`). */
  scriptTo?: number;
}

/** Peels wrappers off `words` (static text or null); the name is words[start]. */
export function unwrapCommand(words: readonly (string | null)[]): Unwrapped {
  const peeled: string[] = [];
  let start = 0;
  for (;;) {
    const name = words[start];
    const entry = name === null || name === undefined ? undefined : wrappers[getBaseName(name)];
    if (name === null || name === undefined || entry === undefined) return { start, wrappers: peeled };
    const specs: readonly WrapperSpec[] = Array.isArray(entry) ? entry : [entry as WrapperSpec];
    const found = specs.map((candidate) => ({ spec: candidate, next: findWrapped(words.slice(start + 1), candidate) })).find((c) => c.next !== null);
    if (!found) return { start, wrappers: peeled };
    const { spec, next } = found as { spec: WrapperSpec; next: NonNullable<ReturnType<typeof findWrapped>> };
    peeled.push(getBaseName(name));
    if (next.script) return { start: start + 1 + next.index, wrappers: peeled, scriptFrom: start + 1 + next.index, scriptTo: next.scriptTo === undefined ? undefined : start + 1 + next.scriptTo };
    start += 1 + next.index;
    if (spec.scriptUnless && !next.scriptUnlessOff) return { start, wrappers: peeled, scriptFrom: start };
  }
}

/** Where in a wrapper's arguments the wrapped command (or script) starts, or null when it wraps nothing. */
function findWrapped(args: readonly (string | null)[], spec: WrapperSpec): { index: number; script?: boolean; scriptTo?: number; scriptUnlessOff?: boolean } | null {
  const parsed = parseArgs(args, { valueOptions: spec.valueOptions ?? [], stopAtPositional: !spec.path && !spec.scriptOption });
  if (spec.noCommand && hasOption(parsed, spec.noCommand)) return null;
  if (spec.scriptOption) {
    const option = parsed.options.find((o) => spec.scriptOption!.includes(o.name));
    if (!option) return null;
    const index = option.value !== undefined ? option.index : option.index + 1;
    return index < args.length ? { index, script: true, scriptTo: index + 1 } : null;
  }
  let next = parsed.rest;
  if (spec.path) {
    const words = parsed.positionals.slice(0, spec.path.length);
    if (words.length < spec.path.length || !spec.path.every((step, i) => step.includes(words[i]!.text ?? ''))) return null;
    const after = words.at(-1)!.index + 1;
    if (spec.afterDoubleDash) {
      const dash = args.indexOf('--', after);
      if (dash >= 0) return dash + 1 < args.length ? { index: dash + 1 } : null;
      // The old form without `--`: `kubectl exec -it POD cmd...`.
      const rest = parseArgs(args.slice(after), { valueOptions: spec.valueOptions ?? [], stopAtPositional: true });
      const index = after + rest.rest + 1;
      return index < args.length ? { index } : null;
    }
    const rest = parseArgs(args.slice(after), { valueOptions: spec.valueOptions ?? [], stopAtPositional: true });
    next = after + rest.rest;
  }
  if (spec.assignments) while (next < args.length && /^[A-Za-z_]\w*=/.test(args[next] ?? '')) next++;
  next += spec.operands ?? 0;
  if (next >= args.length) return null;
  if (spec.script) return { index: next, script: true };
  return { index: next, scriptUnlessOff: spec.scriptUnless ? hasOption(parsed, spec.scriptUnless) : undefined };
}

/** `/usr/bin/rm` -> `rm`; a leading backslash (`\rm`, alias bypass) is already gone from static text. */
export function getBaseName(name: string): string {
  const slash = name.lastIndexOf('/');
  return slash >= 0 ? name.slice(slash + 1) : name;
}
