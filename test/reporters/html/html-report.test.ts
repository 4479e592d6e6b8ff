import { describe, expect, it } from 'vitest';
import { formatHtmlReport } from '../../../src/reporters/html/index.js';
import { formatMarkdownReport } from '../../../src/reporters/markdown/index.js';
import { html, trustedHtml } from '../../../src/reporters/html/html.js';
import { buildTestRecord } from '../markdown/build-test-record.js';

const RUNBOOK = '# <img src=x onerror=alert(1)> "quoted" & co\n\n```bash {name=a"b<c}\necho "<b>"\n```\n';

describe('formatHtmlReport', () => {
  it('is one self-contained page: viewport, print styles, a policy that forbids scripts and loads, no external reference', async () => {
    const page = formatHtmlReport(await buildTestRecord(new TextEncoder().encode(RUNBOOK)));
    expect(page.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(page).toContain(`content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:; base-uri &#39;none&#39;; form-action &#39;none&#39;"`);
    expect(page).toContain('@media print');
    expect(page).not.toMatch(/<script|<link|<img|@import|url\(/i);
    expect(page).not.toMatch(/(?:src|href)="(?!#)/);
  });

  it('escapes every value from the run: titles, ids, principals, reasons, output', async () => {
    const record = await buildTestRecord(new TextEncoder().encode(RUNBOOK), {
      principal: '"><script>alert(2)</script>',
      cells: { 'a"b<c': [{ stdout: '</pre><script>alert(3)</script>', stderr: '<!--', editedSource: 'echo "</code>"' }] },
      notices: [{ level: 'warning', message: '<b>bold</b>' }],
    });
    const page = formatHtmlReport(record);
    expect(page).not.toMatch(/<script|<img|<b>|<!--/i);
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot; &amp; co');
    expect(page).toContain('&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(page).toContain('&lt;/pre&gt;&lt;script&gt;alert(3)&lt;/script&gt;');
    expect(page).toContain('id="cell-a%22b%3Cc"');
  });

  it('colours the verification banner by status and lists the problems', async () => {
    const bytes = new TextEncoder().encode(RUNBOOK);
    for (const [status, exitCode] of [['valid', 0], ['incomplete', 4], ['unsigned', 4], ['tampered', 1]] as const) {
      const page = formatHtmlReport(await buildTestRecord(bytes, { verification: { status, exitCode, problems: [`problem of ${status}`] } }));
      expect(page).toContain(`<section class="banner banner-${status}" id="verification" aria-label="Verification">`);
      expect(page).toContain(`Verification status: <strong>${status.toUpperCase()}</strong>`);
      expect(page).toContain(`<li>problem of ${status}</li>`);
    }
  });
});

describe('a replay run', () => {
  it('says which recorded run it re-executed, in both reports', async () => {
    const record = await buildTestRecord(new TextEncoder().encode(RUNBOOK));
    record.start.replayOf = { runId: '20240401-090000-input-0f0f0f', runDir: '/srv/runs/original', sha256OfEvents: 'ab'.repeat(32) };
    expect(formatHtmlReport(record)).toContain('<dt>Replay of</dt><dd>run <code>20240401-090000-input-0f0f0f</code>');
    expect(formatMarkdownReport(record)).toContain('- Replay of run `20240401-090000-input-0f0f0f`');
  });
});

describe('html', () => {
  it('escapes interpolations unless they are SafeHtml, joins lists, drops null and false', () => {
    expect(html`<p title="${'"x"'}">${['<a>', html`<b>${'&'}</b>`, null, false, 3]}${trustedHtml('<i>')}</p>`.value).toBe('<p title="&quot;x&quot;">&lt;a&gt;<b>&amp;</b>3<i></p>');
  });
});
