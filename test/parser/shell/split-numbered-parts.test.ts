import { describe, expect, test } from 'vitest';
import { splitNumberedParts } from '../../../src/parser/shell/index.js';

const outline = (source: string) => splitNumberedParts(source)?.map((part) => `${part.number}@${part.line}${part.hasCode ? '' : ' (no code)'}: ${part.title}`) ?? null;

/** Seed 002, "Staged Update Process" (numbered comment on the first line). */
const stagedUpdate = `# 1. Update development environment
git checkout develop
npm update fuse.js@^7.0.0

# 2. Run full test suite
npm test
npm run test:integration
npm run test:e2e

# 3. Performance testing
npm run test:performance

# 4. Deploy to staging
git push origin develop
# CI/CD deploys to staging

# 5. Staging validation
./scripts/validate-staging.sh`;

/** Seed 003, "High Response Time" (Step N: comments, one step spanning a comment block). */
const highResponseTime = `# Step 1: Check current metrics
curl https://zerostate-api.fly.dev/metrics/summary | jq '.http.average_response_time'

# Step 2: Identify bottlenecks
# Check database slow queries
psql $DATABASE_URL -c "
SELECT query, calls, total_time, mean_time
FROM pg_stat_statements
ORDER BY mean_time DESC
LIMIT 10;"

# Step 3: Scale horizontally
fly scale count +1 --app zerostate-api

# Step 4: Monitor improvement
watch -n 5 'curl -s https://zerostate-api.fly.dev/metrics/summary | jq ".http.average_response_time"'`;

/** Seed 000, "Daily Health Check Script" (commands before the first numbered comment). */
const healthCheck = `#!/bin/bash
# scripts/daily-health-check.sh

echo "=== Daily Health Check $(date) ===" >> health-check.log

# 1. Service status
pm2 status >> health-check.log

# 2. Database connection
psql $DATABASE_URL -c "SELECT 1" &> /dev/null`;

/** Seed 003, "Graceful Shutdown Order": numbered, but only one part runs anything. */
const gracefulShutdown = `# 1. Frontend (redirect to maintenance page)
# 2. API Server (finish processing requests)
fly restart --app zerostate-api --wait-timeout 60

# 3. Background workers (complete current tasks)
# 4. Database (last to ensure data integrity)`;

describe('splitNumberedParts', () => {
  test('seed 002: "# N." parts', () => {
    expect(outline(stagedUpdate)).toEqual([
      '1@1: Update development environment',
      '2@5: Run full test suite',
      '3@10: Performance testing',
      '4@13: Deploy to staging',
      '5@17: Staging validation',
    ]);
  });

  test('seed 003: "# Step N:" parts keep their inner comments and multi-line strings', () => {
    const parts = splitNumberedParts(highResponseTime);
    expect(outline(highResponseTime)).toEqual(['1@1: Check current metrics', '2@4: Identify bottlenecks', '3@12: Scale horizontally', '4@15: Monitor improvement']);
    expect(parts?.[1]?.source).toBe(highResponseTime.split('\n').slice(3, 11).join('\n'));
  });

  test('seed 000: commands before "# 1." become part 0', () => {
    expect(outline(healthCheck)).toEqual(['0@1: ', '1@6: Service status', '2@9: Database connection']);
  });

  test('seed 003: fewer than two parts with commands is not split', () => {
    expect(splitNumberedParts(gracefulShutdown)).toBeNull();
  });

  test('parts joined by newlines give back the source', () => {
    for (const source of [stagedUpdate, highResponseTime, healthCheck]) {
      expect(splitNumberedParts(source)?.map((part) => part.source).join('\n')).toBe(source);
    }
  });

  test('comments and blank lines before "# 1" join part 1', () => {
    expect(outline('#!/bin/bash\n\n# 1) Build\nmake\n# 2) Run tests\nmake test')).toEqual(['1@1: Build', '2@5: Run tests']);
  });

  test('parts holding only comments are kept and marked', () => {
    expect(outline('# 1. Notify the team\n# "DR drill starting"\n\n# 2. Restore\n./restore.sh\n# 3. Verify\ncurl -f http://x')).toEqual([
      '1@1 (no code): Notify the team',
      '2@4: Restore',
      '3@6: Verify',
    ]);
  });

  test.each([
    ['# Step 1 - Drain\nkubectl drain n1\n# Step 2 - Upgrade\n./upgrade.sh', ['1@1: Drain', '2@3: Upgrade']],
    ['# step 1 Drain\nkubectl drain n1\n# STEP 2 Upgrade\n./upgrade.sh', ['1@1: Drain', '2@3: Upgrade']],
    ['# 1: Drain\nkubectl drain n1\n# 2: Upgrade\n./upgrade.sh', ['1@1: Drain', '2@3: Upgrade']],
    ['## 1. Drain\nkubectl drain n1\n## 2. Upgrade\n./upgrade.sh', ['1@1: Drain', '2@3: Upgrade']],
    ['# 1.\nkubectl drain n1\n# 2.\n./upgrade.sh', ['1@1: ', '2@3: ']],
  ])('comment styles: %j', (source, expected) => {
    expect(outline(source)).toEqual(expected);
  });

  test.each([
    ['only one numbered comment', '# 1. Build\nmake\nmake test'],
    ['numbers not starting at 1', '# 2. Build\nmake\n# 3. Test\nmake test'],
    ['numbers out of order', '# 1. Build\nmake\n# 3. Test\nmake test\n# 2. Ship\n./ship.sh'],
    ['numbers restarting', '# 1. a\nls\n# 2. b\nls\n# 1. c\nls'],
    ['sub-numbers and times are not part numbers', '# 1.5GB free\nls\n# 3:00 AM\nls'],
    ['numbered comments after code on the same line', 'ls # 1. list\npwd # 2. where'],
    ['numbered lines inside a here-document', 'cat <<EOF\n# 1. one\nEOF\nls\ncat <<EOF\n# 2. two\nEOF'],
    ['numbered lines inside a string', 'echo "\n# 1. one\n"\nls\necho "\n# 2. two\n"'],
    ['numbered comments inside a function body', 'f() {\n  # 1. one\n  ls\n  # 2. two\n  pwd\n}'],
    ['numbered comments inside an if', 'if true; then\n  # 1. one\n  ls\n  # 2. two\n  pwd\nfi'],
    ['unparseable source', '# 1. a\nls\n# 2. b\nif then'],
    ['no comments', 'ls\npwd'],
  ])('not split: %s', (_, source) => {
    expect(splitNumberedParts(source)).toBeNull();
  });
});
