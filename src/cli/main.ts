import { reportError } from './report-error.js';
import { runCli } from './run-cli.js';

// The reader of our output went away (`litops inspect x --json | head`), or the
// terminal did (EIO after a hangup; the UI signs the log on SIGHUP): stop writing, quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE' || error.code === 'EIO') return;
  process.exitCode = reportError(error, process.stderr, process.env);
});

try {
  process.exitCode = await runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env });
} catch (error) {
  process.exitCode = reportError(error, process.stderr, process.env);
}
