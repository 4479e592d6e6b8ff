import { describe, expect, test } from 'vitest';
import { analyzeShell } from '../../../src/parser/shell/index.js';

const sqlOf = (source: string) => analyzeShell(source).embeddedSql;

describe('embedded SQL', () => {
  test.each([
    ['-c with double quotes', 'psql -c "SELECT 1;"', 'SELECT 1;', 'option'],
    ['-c with single quotes', "psql $URL -c 'SELECT 2'", 'SELECT 2', 'option'],
    ['--command=', 'psql --command="SELECT 3" db', 'SELECT 3', 'option'],
    ['--command value', "psql --command 'SELECT 4'", 'SELECT 4', 'option'],
    ['-c attached', "psql -c'SELECT 5'", 'SELECT 5', 'option'],
    ['-c grouped with a flag', 'psql -Xc "SELECT 6"', 'SELECT 6', 'option'],
    ['escaped quotes inside double quotes', 'psql -c "SELECT COUNT(*) FROM \\"User\\";"', 'SELECT COUNT(*) FROM "User";', 'option'],
    ['$ and backslash escapes', 'psql -c "SELECT \\$1, E\'\\\\n\'"', "SELECT $1, E'\\n'", 'option'],
    ['ANSI-C quoting', "psql -c $'SELECT\\n1'", 'SELECT\n1', 'option'],
    ['behind sudo', 'sudo -u postgres psql -c "VACUUM ANALYZE;"', 'VACUUM ANALYZE;', 'option'],
    ['inside docker exec', 'docker exec -i db psql -U postgres -c "SELECT 7"', 'SELECT 7', 'option'],
    ['inside a command substitution', 'N=$(psql -t -c "SELECT count(*) FROM t")', 'SELECT count(*) FROM t', 'option'],
    ['here-document', 'psql "$URL" <<EOF\nDELETE FROM jobs;\nEOF', 'DELETE FROM jobs;', 'heredoc'],
    ['quoted here-document keeps $ literally', "psql <<'SQL'\nSELECT '$1';\nSQL", "SELECT '$1';", 'heredoc'],
    ['dash here-document strips tabs', 'psql <<-EOF\n\tSELECT 1;\n\tSELECT 2;\n\tEOF', 'SELECT 1;\nSELECT 2;', 'heredoc'],
    ['here-string', 'psql <<< "SELECT 8"', 'SELECT 8', 'herestring'],
    ['echo pipe', 'echo "SELECT 9;" | psql "$URL"', 'SELECT 9;', 'pipe'],
    ['echo -e pipe with several words', 'echo -e SELECT 10 | psql', 'SELECT 10', 'pipe'],
    ['printf pipe', "printf 'SELECT 11;\\n' | psql", 'SELECT 11;\\n', 'pipe'],
    ['cat here-document pipe', 'cat <<EOF | psql\nSELECT 12;\nEOF', 'SELECT 12;', 'pipe'],
    ['pipe in a longer pipeline', 'echo "SELECT 13" | psql -At | sort', 'SELECT 13', 'pipe'],
  ])('%s', (_, source, sql, via) => {
    expect(sqlOf(source)).toMatchObject([{ sql, via, dynamic: false }]);
  });

  test('multi-line -c string: trimmed, positioned at its first statement line', () => {
    const source = ['# Check table bloat', 'psql $DATABASE_URL -c "', '  SELECT', '    n_dead_tup', '  FROM pg_stat_user_tables;', '"'].join('\n');
    expect(sqlOf(source)).toEqual([
      { sql: 'SELECT\n    n_dead_tup\n  FROM pg_stat_user_tables;', line: 3, column: 3, via: 'option', dynamic: false },
    ]);
  });

  test('single-line -c string: position of its first character', () => {
    expect(sqlOf('psql $TEST_DB_URL -c "SELECT 1;"')).toEqual([{ sql: 'SELECT 1;', line: 1, column: 23, via: 'option', dynamic: false }]);
  });

  test('here-document: position of its body', () => {
    expect(sqlOf('cd /srv\npsql <<EOF\n  SELECT 1;\nEOF')).toEqual([{ sql: 'SELECT 1;', line: 3, column: 3, via: 'heredoc', dynamic: false }]);
  });

  test.each([
    ['parameter in -c', 'psql -c "SELECT * FROM t WHERE id = $ID"', 'SELECT * FROM t WHERE id = $ID'],
    ['braced parameter in a here-document', 'psql <<EOF\nDROP TABLE ${TABLE};\nEOF', 'DROP TABLE ${TABLE};'],
    ['command substitution', 'psql -c "SELECT \'$(date)\'"', "SELECT '$(date)'"],
    ['whole value from a variable', 'psql -c "$QUERY"', '$QUERY'],
  ])('dynamic text is returned verbatim and flagged: %s', (_, source, sql) => {
    expect(sqlOf(source)).toMatchObject([{ sql, dynamic: true }]);
  });

  test.each([
    ['psql reading a file', 'psql -f migrate.sql', []],
    ['psql with input redirection', 'psql $URL < backup.sql', []],
    ['another command with -c', 'bash -c "SELECT 1"', []],
    ['echo not piped to psql', 'echo "SELECT 1"', []],
    ['gunzip into psql', 'gunzip -c backup.gz | psql', []],
    ['stdin ignored when psql has -c', 'echo "SELECT 0" | psql -c "SELECT 1"', ['option:SELECT 1']],
  ])('only what psql runs: %s', (_, source, expected) => {
    expect(sqlOf(source).map((item) => `${item.via}:${item.sql}`)).toEqual(expected);
  });

  test('several statements in order', () => {
    const found = sqlOf('psql -c "SELECT 1"\npsql <<EOF\nSELECT 2;\nEOF\necho "SELECT 3" | psql');
    expect(found.map((item) => `${item.line}:${item.via}:${item.sql}`)).toEqual(['1:option:SELECT 1', '3:heredoc:SELECT 2;', '5:pipe:SELECT 3']);
  });
});
