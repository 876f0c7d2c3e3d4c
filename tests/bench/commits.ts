/**
 * commits: the cost of one durable commit to the server process, measured alone
 * (commit-cost.ts, each mode in a process of its own), beside the cost of waking an idle
 * event loop. It bounds what any server that commits before its ack spends per update.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { CommitCost } from './commit-cost.ts';
import { formatTable } from './table.ts';

export interface CommitFigures {
  idle: CommitCost | null;
  eventLoop: CommitCost | null;
  thread: CommitCost | null;
  error?: string;
}

function run(root: string, dir: string, mode: string): CommitCost {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'tests/bench/commit-cost.ts'), mode, dir],
    { cwd: root, encoding: 'utf8', timeout: 60_000 },
  );
  const line = child.stdout.trim().split('\n').pop() ?? '';
  if (child.status !== 0 || !line.startsWith('{'))
    throw new Error(
      `commit-cost ${mode} failed (${child.status ?? child.signal}): ${child.stderr.slice(-500)}`,
    );
  return JSON.parse(line) as CommitCost;
}

export function commits(root: string, dir: string): CommitFigures {
  return {
    idle: run(root, dir, 'idle'),
    eventLoop: run(root, dir, 'event-loop'),
    thread: run(root, dir, 'thread'),
  };
}

/** One row per figure, one column per mode. */
export function renderCommitTable(f: CommitFigures): string {
  const gap = f.thread?.gapMs ?? f.idle?.gapMs ?? 6;
  const lines: string[][] = [
    [
      `one cycle: wait ${gap} ms, then commit one log row`,
      'wait only',
      'commit on the event loop',
      'commit on the write thread',
    ],
  ];
  const rows: [string, keyof CommitCost][] = [
    ['process CPU per cycle (ms)', 'cpuMs'],
    ['of which in the kernel (ms)', 'kernelMs'],
    ['threads woken from sleep per cycle', 'wakeups'],
  ];
  for (const [label, field] of rows)
    lines.push([label, ...[f.idle, f.eventLoop, f.thread].map((c) => String(c?.[field] ?? 'n/a'))]);
  return formatTable(lines);
}
