import { describe, expect, test } from 'vitest';
import { looksLikeShell } from '../../../src/parser/shell/index.js';

/** Seed 003, "Incident Notification" (an unlabeled block). */
const incidentTemplate = `INCIDENT ALERT - Ainur Protocol

Severity: [CRITICAL/HIGH/MEDIUM]
Service: [API/Database/Blockchain/Frontend]
Issue: [Brief description]
Started: [Timestamp]
Impact: [User impact description]
Status: [INVESTIGATING/IDENTIFIED/FIXING/RESOLVED]

Actions taken:
- [Action 1]
- [Action 2]

Next update: [Time]`;

/** Seed 003, "Resolution Notification". */
const resolutionTemplate = `RESOLVED - Ainur Protocol

The incident affecting [service] has been resolved.

Duration: [X minutes]
Root cause: [Explanation]
Resolution: [What was done]
Prevention: [Steps to prevent recurrence]

Post-mortem will be published within 24 hours.`;

/** Seed 003, "Severity Matrix". */
const severityMatrix = `Critical (P1): Service unavailable, data loss, security breach
High (P2):     Performance degradation, partial service loss
Medium (P3):   Minor issues, limited user impact
Low (P4):      Cosmetic issues, no user impact`;

describe('looksLikeShell', () => {
  test.each([
    ['seed 003 incident template', incidentTemplate],
    ['seed 003 resolution template', resolutionTemplate],
    ['seed 003 severity matrix', severityMatrix],
    ['empty', ''],
    ['blank lines', '\n  \n'],
    ['only comments', '# just a note\n# another'],
    ['prose', 'Restart the service and wait for it to come back.'],
    ['YAML', 'groups:\n  - name: api_alerts\n    rules:\n      - alert: HighResponseTime'],
    ['JSON object', '{\n  "name": "litops",\n  "version": "1.0.0"\n}'],
    ['JSON on one line', '{"a": 1, "b": [1, 2]}'],
    ['SQL', 'SELECT count(*)\nFROM pg_stat_activity\nWHERE state = \'active\';'],
    ['Dockerfile', 'FROM node:18-alpine\nWORKDIR /app\nRUN npm ci'],
    ['nginx configuration', 'server {\n  listen 80;\n  root /var/www;\n}'],
    ['INI', '[databases]\ntakumi = host=localhost port=5432'],
    ['Python', 'import os\nprint(os.getcwd())'],
    ['cron line', '0 2 * * * /home/ainur/scripts/backup-database.sh >> /var/log/ainur-backup.log 2>&1'],
    ['mostly unknown words', 'curl -f http://x\nplease wait a minute\nand check again\nthanks'],
  ])('false for %s', (_, text) => {
    expect(looksLikeShell(text)).toBe(false);
  });

  test.each([
    ['a known command', 'curl -f http://localhost:3000/health'],
    ['kubectl', 'kubectl get pods -n prod'],
    ['psql', 'psql $DATABASE_URL -c "SELECT 1"'],
    ['sudo', 'sudo systemctl restart nginx'],
    ['a relative script path', './scripts/backup-database.sh'],
    ['an absolute path', '/usr/local/bin/deploy --prod'],
    ['a home path', '~/bin/rotate-keys'],
    ['a script by name', 'deploy.sh staging'],
    ['assignments and export', 'export LOG_LEVEL=debug\nAPP_ENV=prod npm start'],
    ['shell constructs', 'for h in a b; do\n  ssh "$h" uptime\ndone'],
    ['a pipeline', 'ps aux | grep node | wc -l'],
    ['comments around commands', '# check disk\ndf -h\n\n# and memory\nfree -m'],
    ['a shebang', '#!/usr/bin/env bash\nset -euo pipefail\nmy-tool --flag'],
    ['a sh shebang', '#!/bin/sh\nunknown-thing'],
    ['console prompts with output', '$ kubectl get pods\nNAME     READY   STATUS\nweb-1    1/1     Running\n$ kubectl logs web-1'],
  ])('true for %s', (_, text) => {
    expect(looksLikeShell(text)).toBe(true);
  });

  test('a shebang block must still parse', () => {
    expect(looksLikeShell('#!/bin/bash\nif then')).toBe(false);
  });

  test('console prompts must lead to commands', () => {
    expect(looksLikeShell('$ Hello there, operator\nsome output')).toBe(false);
  });
});
