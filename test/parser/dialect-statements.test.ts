import { describe, expect, test } from 'vitest';
import { parseRunbook } from '../../src/parser/index.js';

const rulesOf = async (markdown: string) => (await parseRunbook(markdown)).runbook.cells.map((cell) => ({ destructive: cell.destructive, rules: cell.reasons.map((r) => `${r.rule}@${r.line}`) }));

describe("other dialects' statements are marked, where they are shown and where a client gets them", () => {
  test.each([
    ['```mysql\nRESET MASTER;\n```\n', 'sql-reset@2'],
    ['```sql\nSELECT 1;\nSYSTEM DROP REPLICA \'r2\' FROM TABLE db.t;\n```\n', 'sql-system-drop@3'],
    ['```sql\nRENAME TABLE `a` TO `b`;\n```\n', 'sql-rename@2'],
    ['```sql\nCALL mysql.rds_kill(42);\n```\n', 'sql-kill@2'],
    ['```\nmysql> DROP USER \'app\'@\'%\';\nQuery OK, 0 rows affected\n```\n', 'sql-drop@2'],
    ['```js\n> use local\n> db.dropDatabase()\n```\n', 'mongo-drop@3'],
    ['```\nmysql> ALTER VITESS_MIGRATION \'x\' COMPLETE;\n```\n', 'vitess-migration@2'],
    ['```bash\nmysql -e "RESET MASTER; SET @@GLOBAL.GTID_PURGED=\'$gtids\';"\n```\n', 'sql-reset@2'],
    ['```bash\nclickhouse-client -q "TRUNCATE TABLE events"\n```\n', 'sql-truncate@2'],
    ['```bash\nmysql -u root <<EOF\nSELECT 1;\nDROP DATABASE app;\nEOF\n```\n', 'sql-drop@4'],
    ['```bash\nmongosh --eval "db.orders.deleteMany({})"\n```\n', 'mongo-drop@2'],
  ])('%s', async (markdown, rule) => {
    const [cell] = await rulesOf(markdown);
    expect(cell!.rules).toContain(rule);
    expect(cell!.destructive).toBe(true);
  });

  test.each([
    '```mysql\nSHOW SLAVE STATUS;\n```\n',
    '```sql\nSELECT * FROM `orders` WHERE id = 1;\n```\n',
    '```\nmysql> DELETE FROM t WHERE id = 1;\n```\n',
    '```bash\nmysql -e "SHOW DATABASES"\n```\n',
  ])('%s is not destructive', async (markdown) => {
    const [cell] = await rulesOf(markdown);
    expect(cell!.rules).toEqual([]);
  });
});
