/**
 * A `trap` function in front of the builtin. A cell's `trap ACTION EXIT` would
 * replace the EXIT trap that saves the state, so the action is kept in
 * `__litops_user_exit` and run by that trap after saving, with `$?` intact;
 * `trap -p` shows it as if it were installed. Other signals go to the builtin.
 * Not seen by `builtin trap` nor in POSIX mode (special builtins win over functions
 * there): the state is then not saved, which the result reports (`stateSaved: false`).
 */
export function buildTrapShim(): string {
  return `__litops_is_exit() {
  case \${1^^} in EXIT | SIGEXIT | 0) return 0 ;; esac
  return 1
}

# \`trap ... EXIT\` in a cell would replace the trap that saves the state: keep the cell's
# action aside and run it after saving. Other signals go to the builtin unchanged.
trap() {
  local __litops_a __litops_s __litops_st=0 __litops_e=
  local -a __litops_o=()
  if (( $# == 0 )) || [[ $1 == -p ]]; then
    shift \$(( $# > 0 ))
    if (( $# == 0 )); then
      __litops_a=$(builtin trap -p)
      while IFS= builtin read -r __litops_s; do
        [[ -z $__litops_s || $__litops_s == *__litops_exit*' EXIT' ]] || builtin printf '%s\\n' "$__litops_s"
      done <<<"$__litops_a"
      set -- EXIT
    fi
    for __litops_s in "$@"; do
      if __litops_is_exit "$__litops_s"; then
        [[ -z $__litops_user_exit ]] || builtin printf 'trap -- %s EXIT\\n' "\${__litops_user_exit@Q}"
      else
        builtin trap -p "$__litops_s" || __litops_st=$?
      fi
    done
    return "$__litops_st"
  fi
  [[ \${1-} != -- ]] || shift
  if (( $# == 0 )) || [[ $1 == -?* ]]; then
    builtin trap "$@"
    return
  fi
  if (( $# == 1 )); then __litops_a=-; else __litops_a=$1; shift; fi
  for __litops_s in "$@"; do
    if __litops_is_exit "$__litops_s"; then __litops_e=1; else __litops_o+=("$__litops_s"); fi
  done
  (( \${#__litops_o[@]} == 0 )) || builtin trap -- "$__litops_a" "\${__litops_o[@]}" || __litops_st=$?
  if [[ -n $__litops_e ]]; then
    [[ $__litops_a == - ]] && __litops_user_exit= || __litops_user_exit=$__litops_a
    # A subshell does not inherit the EXIT trap: install one there to run the cell's action.
    [[ $BASHPID == "$__litops_pid" ]] || builtin trap -- "$__litops_exit_action" EXIT
  fi
  return "$__litops_st"
}
`;
}
