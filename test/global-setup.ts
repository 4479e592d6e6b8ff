import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Builds dist/ once so that tests of the real `litops` binary run the code under test.
 * `LITOPS_SKIP_BUILD=1` skips it for quick runs of pure unit tests.
 */
export default function setup(): void {
  if (process.env.LITOPS_SKIP_BUILD === '1') return;
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
}
