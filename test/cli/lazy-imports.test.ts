import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLitops, runNode, SEEDS_DIR, type RunLitopsOptions } from './run-litops.js';

/** Packages that only running a command may load: never help, version or a usage error. */
const HEAVY = /\/node_modules\/(ink|react|react-reconciler|pg|@electric-sql\/pglite|libpg-query|mvdan-sh|remark-[\w-]+|unified|mdast-[\w-]+|micromark[\w-]*|execa)\//;
const TRACER = pathToFileURL(join(import.meta.dirname, 'fixtures/register-import-trace.mjs')).href;

let dir: string;
let traces = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'litops-trace-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs node with the import tracer; returns the URLs of every module the ESM loader resolved. */
async function traceImports(run: (options: RunLitopsOptions) => ReturnType<typeof runLitops>): Promise<{ code: number | null; urls: string[] }> {
  const file = join(dir, `trace-${++traces}.txt`);
  const result = await run({ nodeArgs: ['--import', TRACER], env: { LITOPS_IMPORT_TRACE: file } });
  const urls = (await readFile(file, 'utf8').catch(() => '')).split('\n').filter(Boolean);
  return { code: result.code, urls };
}

function heavy(urls: string[]): string[] {
  return urls.filter((url) => HEAVY.test(url));
}

describe('imports', () => {
  it('the tracer sees packages, so the checks below can fail', async () => {
    const { code, urls } = await traceImports((options) =>
      runNode([...(options.nodeArgs ?? []), '--input-type=module', '-e', "await import('unified'); await import('pg');"], options),
    );
    expect(code).toBe(0);
    expect(heavy(urls).join('\n')).toMatch(/\/node_modules\/unified\/[\s\S]*\/node_modules\/pg\//);
  });

  it.each([['--help'], ['inspect', '--help'], ['--version'], ['frobnicate'], ['inspect', '--frob'], ['inspect', '/no/such/file.md']])(
    'litops %s loads no heavy package',
    async (...args) => {
      const { urls } = await traceImports((options) => runLitops(args, options));
      expect(urls.some((url) => url.endsWith('/dist/cli/main.js'))).toBe(true);
      expect(heavy(urls)).toEqual([]);
    },
  );

  it('litops inspect FILE does load the parser (unified)', async () => {
    const seed = join(SEEDS_DIR, '000_8820e14de71f673f', 'input.md');
    const { code, urls } = await traceImports((options) => runLitops(['inspect', seed], options));
    expect(code === 0 || code === 1).toBe(true);
    expect(urls.some((url) => /\/node_modules\/unified\//.test(url))).toBe(true);
  });
});
