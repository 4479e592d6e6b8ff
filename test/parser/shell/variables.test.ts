import { describe, expect, test } from 'vitest';
import { analyzeShell, isWellKnownVariable } from '../../../src/parser/shell/index.js';

const readNames = (source: string) => analyzeShell(source).reads.map((read) => read.name);
const freeNames = (source: string) => analyzeShell(source).freeReads.map((read) => read.name);
const setSummary = (source: string) => analyzeShell(source).sets.map((set) => `${set.name}:${set.scope}`);

describe('reads', () => {
  test.each([
    ['plain', 'echo $A', ['A']],
    ['braced', 'echo ${A}', ['A']],
    ['double quotes', 'echo "x $A y"', ['A']],
    ['single quotes are literal', "echo '$A'", []],
    ['escaped dollar', 'echo \\$A "\\$B"', []],
    ['command substitution', 'echo "$(cat $A)"', ['A']],
    ['backquotes', 'echo `cat $A`', ['A']],
    ['arithmetic expansion, bare and $', 'echo $((A + $B * 2))', ['A', 'B']],
    ['arithmetic command', '(( COUNT > LIMIT ))', ['COUNT', 'LIMIT']],
    ['let', 'let TOTAL=A+1', ['A']],
    ['test clause', '[[ -n $A && $B == x ]]', ['A', 'B']],
    ['single-bracket test', '[ "$A" = x ]', ['A']],
    ['array element and index', 'echo ${ARR[$I]} ${ARR[J]}', ['ARR', 'I', 'ARR', 'J']],
    ['array in arithmetic', 'echo $(( ARR[K] + 1 ))', ['ARR', 'K']],
    ['slice length', 'echo ${A:0:N}', ['A', 'N']],
    ['slice with expansions', 'echo ${A:$OFF:$LEN}', ['A', 'OFF', 'LEN']],
    ['replacement words', 'echo ${A/$FROM/$TO}', ['A', 'FROM', 'TO']],
    ['length and indirection', 'echo ${#A} ${!B}', ['A', 'B']],
    ['prefix listing is not a read', 'echo ${!PRE@}', []],
    ['default words are read too', 'echo ${A:-$B}', ['A', 'B']],
    ['unquoted here-doc expands', 'cat <<EOF\nhost=$HOST ${PORT:-5432}\nEOF', ['HOST', 'PORT']],
    ['dash here-doc expands', 'cat <<-EOF\n\t$HOST\n\tEOF', ['HOST']],
    ['quoted here-doc is literal', "cat <<'EOF'\n$HOST\nEOF", []],
    ['escaped here-doc delimiter is literal', 'cat <<\\EOF\n$HOST\nEOF', []],
    ['redirect target', 'echo hi > $OUT', ['OUT']],
    ['case subject', 'case $MODE in a) echo;; esac', ['MODE']],
    ['special parameters', 'echo $1 $@ $? $#', ['1', '@', '?', '#']],
  ])('%s', (_, source, expected) => {
    expect(readNames(source)).toEqual(expected);
  });

  test('positions are 1-based and point at the $', () => {
    expect(analyzeShell('echo ok\n  cp "$SRC" ${DEST}').reads).toEqual([
      { name: 'SRC', line: 2, column: 7, hasDefault: false, scope: 'cell' },
      { name: 'DEST', line: 2, column: 13, hasDefault: false, scope: 'cell' },
    ]);
  });

  test('columns count characters, not UTF-8 bytes', () => {
    expect(analyzeShell('echo "✅ é $X"').reads[0]).toMatchObject({ name: 'X', line: 1, column: 11 });
  });

  test.each([
    ['${X:-d}', true],
    ['${X-d}', true],
    ['${X:=d}', true],
    ['${X=d}', true],
    ['${X:+alt}', true],
    ['${X+alt}', true],
    ['${X:?required}', false],
    ['${X?required}', false],
    ['${X#prefix}', false],
    ['${X/a/b}', false],
    ['$X', false],
  ])('hasDefault of %s is %s', (expansion, expected) => {
    expect(analyzeShell(`echo ${expansion}`).reads[0]).toMatchObject({ name: 'X', hasDefault: expected });
  });

  test('[[ -v X ]] tests presence and counts as a read with a default', () => {
    expect(analyzeShell('[[ -v X ]] && echo set').reads).toEqual([{ name: 'X', line: 1, column: 7, hasDefault: true, scope: 'cell' }]);
  });
});

describe('sets', () => {
  test.each([
    ['plain assignment', 'A=1', ['A:cell']],
    ['assignment from a command', 'A=$(date)', ['A:cell']],
    ['append and array', 'A+=x; B=(1 2); C[3]=y', ['A:cell', 'B:cell', 'C:cell']],
    ['export, declare, readonly, typeset', 'export A=1; declare -x B=2; readonly C=3; typeset D=4', ['A:cell', 'B:cell', 'C:cell', 'D:cell']],
    ['naked export sets nothing', 'export A; readonly B; declare C', []],
    ['read with options', 'read -r -p "Name? " NAME OTHER', ['NAME:cell', 'OTHER:cell']],
    ['read -a', 'read -ra PARTS <<< "a b"', ['PARTS:cell']],
    ['read without names sets REPLY', 'read -r', ['REPLY:cell']],
    ['for loop', 'for HOST in a b; do :; done', ['HOST:cell']],
    ['select', 'select CHOICE in a b; do break; done', ['CHOICE:cell']],
    ['C-style for loop', 'for ((i = 0; i < 3; i++)); do :; done', ['i:cell', 'i:cell']],
    ['getopts', 'getopts "ab:" OPT', ['OPT:cell']],
    ['mapfile and readarray', 'mapfile -t LINES < f; readarray ROWS < g; mapfile < h', ['LINES:cell', 'ROWS:cell', 'MAPFILE:cell']],
    ['printf -v', 'printf -v STAMP "%(%s)T" -1', ['STAMP:cell']],
    ['default assignment', 'echo ${A:=x} ${B=y}', ['A:cell', 'B:cell']],
    ['arithmetic assignments', '(( N = 1, M += 2 )); let K=3; echo $((J++))', ['N:cell', 'M:cell', 'K:cell', 'J:cell']],
    ['prefix assignment is command-scoped', 'PGPASSWORD=x psql -c "select 1"', ['PGPASSWORD:command']],
    ['subshell', '(A=1)', ['A:subshell']],
    ['command substitution', 'echo $(B=2)', ['B:subshell']],
    ['pipeline member', 'printf "a\\n" | read LINE', ['LINE:subshell']],
    ['while loop in a pipeline', 'ls | while read -r F; do C=1; done', ['F:subshell', 'C:subshell']],
    ['background job', 'A=1 &', ['A:subshell']],
    ['function body', 'f() { A=1; }', ['A:function']],
    ['local is not a cell set', 'f() { local A=1; declare B=2; declare -g C=3; }', ['C:function']],
    ['redirect-only loop stays in the cell', 'while read -r L; do :; done < file', ['L:cell']],
  ])('%s', (_, source, expected) => {
    expect(setSummary(source)).toEqual(expected);
  });

  test('a set reports the position of the name; a default assignment is conditional', () => {
    expect(analyzeShell('x=1\necho ${Y:=2}').sets).toEqual([
      { name: 'x', line: 1, column: 1, hasDefault: false, scope: 'cell' },
      { name: 'Y', line: 2, column: 6, hasDefault: true, scope: 'cell' },
    ]);
  });

  test('functions are listed once, in order', () => {
    expect(analyzeShell('b() { :; }\nfunction a { :; }\nb() { echo; }').functions).toEqual(['b', 'a']);
  });
});

describe('free reads', () => {
  test.each([
    ['set before use', 'A=1\necho $A', []],
    ['used before set', 'echo $A\nA=1', ['A']],
    ['own value is read first', 'PATH_LIST=$PATH_LIST:x', ['PATH_LIST']],
    ['well-known names', 'echo $HOME $PATH $1 $@ $? $RANDOM $BASH_SOURCE $LC_ALL $PIPESTATUS', []],
    ['default expansion is still free', 'echo ${PORT:-5432}', ['PORT']],
    ['default assignment covers later reads', 'echo ${A:=x}; echo $A', ['A']],
    ['subshell set does not leak', '(A=1); echo $A', ['A']],
    ['subshell set covers the subshell', '(A=1; echo $A)', []],
    ['pipeline loop sees its own read', 'ls | while read -r F; do echo "$F"; done', []],
    ['command substitution sees outer sets', 'A=1; B=$(echo $A)', []],
    ['prefix assignment covers nothing', 'A=1 true; echo $A', ['A']],
    ['function set covers later top-level reads', 'f() { A=1; }; f; echo $A', []],
    ['function body sees sets made after its definition', 'f() { echo $CONF; }; CONF=x; f', []],
    ['local only inside its function', 'f() { local L=1; echo $L; }; echo $L', ['L']],
    ['for variable inside the loop', 'for H in a b; do ssh $H; done', []],
    ['read variable', 'read -r ANSWER; echo $ANSWER', []],
    ['arithmetic loop counter', 'for ((i=0; i<N; i++)); do echo $i; done', ['N']],
  ])('%s', (_, source, expected) => {
    expect(freeNames(source)).toEqual(expected);
  });
});

describe('isWellKnownVariable', () => {
  test.each(['1', '10', '@', '*', '#', '?', '$', '!', '0', '-', '_', 'HOME', 'PATH', 'USER', 'PWD', 'OLDPWD', 'SHELL', 'HOSTNAME', 'RANDOM', 'LINENO', 'SECONDS', 'BASH', 'BASH_VERSION', 'BASH_REMATCH', 'IFS', 'UID', 'EUID', 'PPID', 'TERM', 'LANG', 'LC_ALL', 'LC_CTYPE', 'TMPDIR', 'PIPESTATUS', 'FUNCNAME', 'REPLY', 'OPTARG', 'OPTIND'])(
    '%s is well known',
    (name) => expect(isWellKnownVariable(name)).toBe(true),
  );
  test.each(['DATABASE_URL', 'DB_HOST', 'LOG_DIR', 'home', 'PATHS', 'USERNAME', 'CI'])('%s is not', (name) => {
    expect(isWellKnownVariable(name)).toBe(false);
  });
});

describe('order', () => {
  test('reads come in source order even where the tree does not', () => {
    expect(readNames('cat <<EOF | grep $X\n$Y\nEOF\necho ${A[$I]:$O}')).toEqual(['X', 'Y', 'A', 'I', 'O']);
  });
});
