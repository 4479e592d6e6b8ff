import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';

const pollMs = 25;
const tracked = new Set<number>();

/**
 * Live (non-zombie) processes whose process group is `pgid`. Zombies are left out:
 * they are already dead, and where PID 1 reaps orphans slowly (or never, in a
 * container without an init) waiting for them would stall every cell. Without
 * /proc, any process in the group (zombie or not) counts, at most as 1.
 */
export function countGroupMembers(pgid: number): number {
  if (!signalGroup(pgid, 0)) return 0;
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return 1;
  }
  let count = 0;
  for (const pid of pids) {
    const stat = readStat(pid);
    if (stat && stat.pgrp === pgid && stat.state !== 'Z' && stat.state !== 'X') count += 1;
  }
  return count;
}

/** Sends `signal` to every process of the group; false when the group no longer exists. */
export function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch (error) {
    // EPERM: a member changed user (setuid); it exists but cannot be signalled.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** SIGTERM to the whole group, then SIGKILL to whatever is still alive after `graceMs`. */
export async function endProcessGroup(pgid: number, graceMs: number): Promise<void> {
  if (!signalGroup(pgid, 'SIGTERM')) return;
  if (await waitForEmptyGroup(pgid, graceMs)) return;
  signalGroup(pgid, 'SIGKILL');
  await waitForEmptyGroup(pgid, graceMs);
}

/**
 * Remembers a running group so that it is killed if litops exits while the cell
 * runs (spawned detached, the group would otherwise outlive us). Returns the
 * function that forgets it.
 */
export function trackGroup(pgid: number): () => void {
  if (tracked.size === 0) process.on('exit', killTrackedGroups);
  tracked.add(pgid);
  return () => {
    tracked.delete(pgid);
    if (tracked.size === 0) process.off('exit', killTrackedGroups);
  };
}

function killTrackedGroups(): void {
  for (const pgid of tracked) signalGroup(pgid, 'SIGKILL');
}

async function waitForEmptyGroup(pgid: number, timeoutMs: number): Promise<boolean> {
  for (let waited = 0; waited < timeoutMs; waited += pollMs) {
    if (countGroupMembers(pgid) === 0) return true;
    await delay(pollMs);
  }
  return countGroupMembers(pgid) === 0;
}

function readStat(pid: string): { state: string; pgrp: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'latin1');
    // The command name may hold spaces and parentheses: fields start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', pgrp: Number(fields[2]) };
  } catch {
    return null;
  }
}
