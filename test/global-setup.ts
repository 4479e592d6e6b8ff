import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { providePostgres } from './support/provide-postgres.js';

/** Builds dist/ once so that tests of the real `litops` binary run the code under test. */
function buildDist(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
}

/**
 * Builds dist/ (unless `LITOPS_SKIP_BUILD=1`, for quick runs) and provides one
 * PostgreSQL server for the whole run to tests (`inject('postgresUrl')`, see
 * test/support/postgres.ts); the returned teardown stops it and removes its directory.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.LITOPS_SKIP_BUILD !== '1') buildDist();
  const server = await providePostgres(project);
  // Backstop for a run that exits without reaching the teardown.
  const onExit = (): void => server?.stopSync();
  process.once('exit', onExit);
  return async () => {
    process.off('exit', onExit);
    await server?.stop();
  };
}
