/**
 * Bash functions that list variables, snapshot them once the state is restored, and
 * write what the cell changed as NUL-separated records (see parse-state-changes.ts).
 * Only builtins: the cell may have emptied PATH or redefined commands.
 */
export function buildSnapshotFunctions(): string {
  return `# Names that are bash's own (read-only, dynamic or per-process) or litops's: never saved.
__litops_skip() {
  case $1 in
    __litops_* | BASH* | SHELLOPTS | EUID | UID | PPID | FUNCNAME | PIPESTATUS | RANDOM | SRANDOM | SECONDS \\
    | LINENO | GROUPS | SHLVL | _ | HISTCMD | EPOCHREALTIME | EPOCHSECONDS | DIRSTACK | PWD | LITOPS_CELL \\
    | COLUMNS | LINES | COMP_*) return 0 ;;
  esac
  return 1
}

# Every variable name, without a subshell and whatever IFS is.
__litops_names() {
  __litops_list=(${listNames()})
}

# attributes|value of each variable once the state is restored, to see what the cell changes.
__litops_snapshot() {
  declare -gA __litops_snap=()
  local __litops_n
  __litops_names
  for __litops_n in "\${__litops_list[@]}"; do
    __litops_skip "$__litops_n" || __litops_snap[$__litops_n]="\${!__litops_n@a}|\${!__litops_n}"
  done
}

# NUL-separated records: V name declaration value | U name | C cwd | E (complete).
__litops_changes() {
  local __litops_n __litops_a __litops_v
  __litops_names
  for __litops_n in "\${__litops_list[@]}"; do
    __litops_skip "$__litops_n" && continue
    __litops_a=\${!__litops_n@a}
    __litops_v=
    if [[ $__litops_a != *[aA]* ]]; then
      __litops_v=\${!__litops_n}
      [[ \${__litops_snap[$__litops_n]+set} && \${__litops_snap[$__litops_n]} == "$__litops_a|$__litops_v" ]] && continue
    fi
    builtin printf 'V\\0%s\\0' "$__litops_n"
    builtin declare -p "$__litops_n"
    builtin printf '\\0%s\\0' "$__litops_v"
  done
  for __litops_n in "\${!__litops_snap[@]}"; do
    builtin declare -p "$__litops_n" >/dev/null 2>&1 || builtin printf 'U\\0%s\\0' "$__litops_n"
  done
  builtin printf 'C\\0%s\\0' "$PWD"
}
`;
}

/** `"${!A@}" ... "${!_@}"`: every variable name, whatever IFS is and without a subshell. */
function listNames(): string {
  const initials = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_'];
  return initials.map((c) => `"\${!${c}@}"`).join(' ');
}
