// The spawn floor of the shell figure: `node spawn-bash.mjs N` runs `bash -c 'echo cell i'`
// N times in sequence, reading each one's output through a pipe as litops does.
import { spawn } from 'node:child_process';

const count = Number(process.argv[2] ?? 200);
for (let i = 1; i <= count; i++) {
  const child = spawn('bash', ['-c', `echo cell ${i}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.resume();
  child.stderr.resume();
  const code = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`bash -c exited ${code}`);
}
