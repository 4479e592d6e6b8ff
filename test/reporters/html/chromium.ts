import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The browser the HTML tests drive: `LITOPS_CHROMIUM`, else Debian's /usr/bin/chromium. */
export const CHROMIUM_PATH = process.env.LITOPS_CHROMIUM ?? '/usr/bin/chromium';

/** Flags that work headless as root, with nothing fetched in the background. */
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** True when the browser is there and executable. */
export function hasChromium(): boolean {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The DOM after Chromium loaded `htmlFile` (`--dump-dom`). */
export async function dumpDom(htmlFile: string): Promise<string> {
  return (await runChromium(['--dump-dom', pathToFileURL(htmlFile).href])).stdout;
}

/** A PNG of `htmlFile` at `width`x`height` (`--screenshot`). */
export async function takeScreenshot(htmlFile: string, pngFile: string, width: number, height: number): Promise<void> {
  await runChromium([`--screenshot=${pngFile}`, `--window-size=${width},${height}`, pathToFileURL(htmlFile).href]);
}

/** Runs Chromium with a fresh profile directory (removed afterwards) and a 60 s limit. */
async function runChromium(args: string[]): Promise<{ stdout: string; stderr: string }> {
  const profile = await mkdtemp(join(tmpdir(), 'litops-chromium-'));
  try {
    return await new Promise((resolve, reject) => {
      execFile(CHROMIUM_PATH, [...FLAGS, `--user-data-dir=${profile}`, ...args], { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
        if (error) reject(new Error(`chromium ${args.join(' ')} failed: ${error.message}\n${stderr}`));
        else resolve({ stdout, stderr });
      });
    });
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

/** The visible text of a dumped DOM: the body without tags, entities decoded. */
export function getVisibleText(dom: string): string {
  const body = dom.replace(/^[\s\S]*?<body[^>]*>/i, '').replace(/<\/body>[\s\S]*$/i, '');
  const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', nbsp: '\u00a0', '#39': "'" };
  return body
    .replace(/<(style|script)[\s\S]*?<\/\1>/gi, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&(lt|gt|amp|quot|nbsp|#39);/g, (_, name: string) => entities[name]!);
}
