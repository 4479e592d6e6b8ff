/**
 * Bash functions that write the state a cell leaves (functions, aliases, options and
 * the variable changes) from the EXIT trap, then run the cell's own EXIT trap.
 * `changes.out` is written last and ends with an `E` record, so a complete one
 * means every file is complete.
 */
export function buildSaveFunctions(): string {
  return `__litops_functions() {
  local __litops_l __litops_n
  local -a __litops_all=() __litops_exported=()
  builtin declare -F >|"$__litops_dir/names.tmp"
  while IFS= builtin read -r __litops_l; do
    __litops_n=\${__litops_l##* }
    [[ $__litops_n == __litops_* || $__litops_n == trap ]] && continue
    __litops_all+=("$__litops_n")
    __litops_l=\${__litops_l#declare -}
    [[ \${__litops_l%% *} != *x* ]] || __litops_exported+=("$__litops_n")
  done <"$__litops_dir/names.tmp"
  (( \${#__litops_all[@]} == 0 )) || builtin declare -f -- "\${__litops_all[@]}"
  (( \${#__litops_exported[@]} == 0 )) || builtin printf 'builtin declare -fx -- %s\\n' "\${__litops_exported[@]}"
  builtin alias -p
}

# set -o and shopt lines, minus those litops sets for every cell or that would break the next one.
__litops_options() {
  local __litops_l __litops_f
  for __litops_f in setopts shopts; do
    while IFS= builtin read -r __litops_l; do
      case $__litops_l in
        '' | *' errexit' | *' pipefail' | *' xtrace' | *' verbose' | *' onecmd' | *' noexec' | *' monitor' \\
        | *' login_shell' | *' restricted_shell') ;;
        *) builtin printf '%s\\n' "$__litops_l" ;;
      esac
    done <"$__litops_dir/$__litops_f.tmp"
  done
}

__litops_save() {
  __litops_functions >|"$__litops_dir/functions.out"
  __litops_options >|"$__litops_dir/options.out"
  { __litops_changes; builtin printf 'E\\0'; } >|"$__litops_dir/changes.out"
}

__litops_return() { return "$1"; }

# The EXIT trap: save the state (main shell only), then run the cell's own EXIT trap with $? intact.
# Listings go through files, not $(...) or <(...): each of those forks, and forks were most of a cell's cost.
__litops_exit() {
  if [[ $BASHPID == "$__litops_pid" ]]; then
    { builtin set +o >|"$__litops_dir/setopts.tmp"; builtin shopt -p >|"$__litops_dir/shopts.tmp"; } 2>/dev/null || :
  fi
  builtin set +eu +o pipefail
  [[ $BASHPID != "$__litops_pid" ]] || __litops_save 2>/dev/null
  if [[ -n $__litops_user_exit ]]; then
    __litops_return "$__litops_status"
    builtin eval "$__litops_user_exit"
  fi
}
`;
}
