import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { endProcessTree, listDescendants } from '../../../src/executor/shell/process-tree.js';

/** Alive and not a zombie (an orphan's zombie lasts until init reaps it). */
const isRunning = (pid: number) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return !/^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2));
  } catch {
    return false;
  }
};

describe('endProcessTree', () => {
  it('ends a process of our own group and everything it started (a bash running tail -f), not bash alone', async () => {
    // Not detached: the same process group as the test, as an interactive cell runs.
    const child = spawn('bash', ['-c', 'sleep 300 & tail -f /dev/null'], { stdio: 'ignore' });
    const exited = once(child, 'exit');
    let descendants: number[] = [];
    for (let i = 0; i < 100 && descendants.length < 2; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      descendants = listDescendants(child.pid!);
    }
    expect(descendants).toHaveLength(2);
    await endProcessTree(child, 2000);
    await exited;
    expect(descendants.filter(isRunning)).toEqual([]);
  });

  it('does nothing for a process that already ended', async () => {
    const child = spawn('true');
    await once(child, 'exit');
    await expect(endProcessTree(child, 100)).resolves.toBeUndefined();
  });
});
