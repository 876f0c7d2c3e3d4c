/**
 * What the scenarios share: the target they run against (Jalon or Hocuspocus, the same
 * workload), opening and syncing connections, and the fan-out clock that times each title a
 * client sees.
 */
import * as Y from 'yjs';
import type { Conn, DocHandle, Product } from './clients.ts';
import { cpuSeconds, now, round, type ServerProcess } from './lib.ts';
import type { Seeded } from './seed.ts';

export type Figures = Record<string, number | null | string>;

export interface Target {
  product: Product;
  server: ServerProcess;
  /** a new connection authenticated as `who` (Hocuspocus has no accounts: same client) */
  connect(who: 'lead' | 'manager' | 'idleLead'): Conn;
  /** a connection that notes when a document arrives without applying it */
  connectRaw(who: 'lead'): Conn;
  /** stops the server and starts it again on the same port and database; returns when it is up */
  restart(): Promise<{ stopMs: number; startMs: number }>;
  /** what the server stores for `name`: bytes of its rows */
  storedBytes(name: string): Promise<number>;
  seeded: Seeded;
  /** CPU seconds used so far by everything serving the workload (default: the server process) */
  cpuSeconds?: () => number;
}

export const serverCpu = (target: Target) => target.cpuSeconds?.() ?? cpuSeconds(target.server.pid);

/** Opens `n` connections as `who`, `batch` at a time, and waits until all are connected. */
export async function openConns(
  target: Target,
  who: 'lead' | 'manager' | 'idleLead',
  n: number,
  batch = 50,
  raw = false,
) {
  const conns: Conn[] = [];
  for (let start = 0; start < n; start += batch) {
    const some = Array.from({ length: Math.min(batch, n - start) }, () =>
      raw && who === 'lead' ? target.connectRaw(who) : target.connect(who),
    );
    conns.push(...some);
    await Promise.all(some.map((c) => c.ready(30_000)));
  }
  return conns;
}

export async function allSynced(handles: DocHandle[], timeoutMs: number, what: string) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not synced within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([Promise.all(handles.map((h) => h.synced)), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export const closeAll = (conns: Conn[]) => {
  for (const c of conns) c.close();
};

/**
 * Watches the titles of `milestoneIds` in `doc`. Titles are "<writer> #<seq>". When a remote
 * change brings title #n, every title of that writer up to #n not seen yet is now visible or
 * superseded: each gets its delay from when it was made (driver clock). A relay that merged
 * several edits thus counts all of them, each with its own delay.
 */
export function watchTitles(doc: Y.Doc, milestoneIds: string[], sentAt: Map<string, number>, out: number[]) {
  const milestones = doc.getMap<Y.Map<unknown>>('milestones');
  const lastSeq = new Map<string, number>(milestoneIds.map((id) => [id, -1]));
  doc.on('update', () => {
    const t = now();
    for (const id of milestoneIds) {
      // A title is a Y.Text once written by the current client (a legacy string before).
      const raw = milestones.get(id)?.get('title');
      const title = raw instanceof Y.Text ? raw.toString() : raw;
      // Only titles sent in this run count (a document may hold titles of an earlier run).
      if (typeof title !== 'string' || !sentAt.has(title)) continue;
      const hash = title.lastIndexOf(' #');
      const seq = Number(title.slice(hash + 2));
      const last = lastSeq.get(id)!;
      if (hash < 0 || !Number.isInteger(seq) || seq <= last) continue;
      lastSeq.set(id, seq);
      const prefix = title.slice(0, hash + 2);
      for (let k = last + 1; k <= seq; k++) {
        const sent = sentAt.get(`${prefix}${k}`);
        if (sent !== undefined) out.push(t - sent);
      }
    }
  });
}

export const ms = (x: number | null) => round(x, 1);
