import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';

const pollMs = 25;

/**
 * Ends a process that shares litops's process group (an interactive cell, which
 * must stay in the terminal's foreground group) and everything it started:
 * SIGTERM to it and its descendants, then SIGKILL to whatever is still alive
 * after `graceMs`. Signalling bash alone would leave its children (a `tail -f`)
 * running on the operator's terminal. Descendants are found in /proc before
 * anything is signalled (once bash is gone they belong to init); without /proc,
 * only the process itself is ended.
 */
export async function endProcessTree(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const pids = [child.pid, ...listDescendants(child.pid)];
  for (const pid of pids) signal(pid, 'SIGTERM');
  for (let waited = 0; waited < graceMs; waited += pollMs) {
    if (!pids.some(isAlive)) return;
    await delay(pollMs);
  }
  for (const pid of pids.filter(isAlive)) signal(pid, 'SIGKILL');
}

/** Live descendants of `pid` (children, their children...), read from /proc; empty without it. */
export function listDescendants(pid: number): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return [];
  }
  const children = new Map<number, number[]>();
  for (const entry of entries) {
    const stat = readStat(entry);
    if (!stat || stat.state === 'Z') continue;
    const siblings = children.get(stat.ppid) ?? [];
    siblings.push(Number(entry));
    children.set(stat.ppid, siblings);
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length) {
    for (const next of children.get(queue.shift()!) ?? []) {
      found.push(next);
      queue.push(next);
    }
  }
  return found;
}

function isAlive(pid: number): boolean {
  const stat = readStat(String(pid));
  if (stat) return stat.state !== 'Z' && stat.state !== 'X';
  return signal(pid, 0);
}

function signal(pid: number, name: NodeJS.Signals | 0): boolean {
  try {
    process.kill(pid, name);
    return true;
  } catch {
    return false;
  }
}

function readStat(pid: string): { state: string; ppid: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'latin1');
    // The command name may hold spaces and parentheses: fields start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', ppid: Number(fields[1]) };
  } catch {
    return null;
  }
}
