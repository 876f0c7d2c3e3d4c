/**
 * The live-engine scenarios of issue 6, each run once against Jalon and once against
 * Hocuspocus with the same workload. A scenario gets a fresh server process (same database
 * files) and returns its figures; every loop is bounded in count and time.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { createClient } from '@libsql/client';
import * as Y from 'yjs';
import { docName } from '../../shared/doc/index.ts';
import { updateMilestone } from '../../shared/doc/write-milestones.ts';
import type { Conn, DocHandle, Product } from './clients.ts';
import {
  cpuSeconds,
  cpuTimes,
  inBatches,
  now,
  peakRssMb,
  percentile,
  resetPeakRss,
  round,
  rssMb,
  type ServerProcess,
  sampleRss,
  sleep,
  threadCpu,
  waitFor,
  wakeups,
} from './lib.ts';
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

const serverCpu = (target: Target) => target.cpuSeconds?.() ?? cpuSeconds(target.server.pid);

/** Opens `n` connections as `who`, `batch` at a time, and waits until all are connected. */
async function openConns(
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

async function allSynced(handles: DocHandle[], timeoutMs: number, what: string) {
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

const closeAll = (conns: Conn[]) => {
  for (const c of conns) c.close();
};

/**
 * Watches the titles of `milestoneIds` in `doc`. Titles are "<writer> #<seq>". When a remote
 * change brings title #n, every title of that writer up to #n not seen yet is now visible or
 * superseded: each gets its delay from when it was made (driver clock). A relay that merged
 * several edits thus counts all of them, each with its own delay.
 */
function watchTitles(doc: Y.Doc, milestoneIds: string[], sentAt: Map<string, number>, out: number[]) {
  const milestones = doc.getMap<Y.Map<unknown>>('milestones');
  const lastSeq = new Map<string, number>(milestoneIds.map((id) => [id, -1]));
  doc.on('update', () => {
    const t = now();
    for (const id of milestoneIds) {
      const title = milestones.get(id)?.get('title');
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

const ms = (x: number | null) => round(x, 1);

// ---------------------------------------------------------------------------------------------

/** team: 5 projects × 8 clients, one small edit each per 250 ms, for 15 s. */
export async function team(
  target: Target,
  options = { projects: 5, perProject: 8, seconds: 15, warmupSeconds: 2 },
) {
  const { seeded } = target;
  const projects = seeded.team.slice(0, options.projects);
  const conns = await openConns(target, 'lead', projects.length * options.perProject);
  const sentAt = new Map<string, number>();
  const fanout: number[] = [];
  const writers: { handle: DocHandle; milestoneId: string; label: string }[] = [];
  try {
    projects.forEach((projectId, p) => {
      const ids = seeded.milestoneIds[projectId]!.slice(0, options.perProject);
      for (let k = 0; k < options.perProject; k++) {
        const conn = conns[p * options.perProject + k]!;
        const handle = conn.join(docName(projectId));
        writers.push({ handle, milestoneId: ids[k]!, label: `p${p} w${k}` });
      }
    });
    await allSynced(
      writers.map((w) => w.handle),
      60_000,
      'team join',
    );
    for (const w of writers)
      watchTitles(
        w.handle.doc,
        writers.filter((o) => o.handle.name === w.handle.name && o !== w).map((o) => o.milestoneId),
        sentAt,
        fanout,
      );
    // Each writer ticks every 250 ms from a random phase; bounded by the end time.
    let seq = 0;
    const edit = async (seconds: number) => {
      const end = now() + seconds * 1000;
      let count = 0;
      await Promise.all(
        writers.map(async (w) => {
          await sleep(Math.random() * 250);
          let next = now();
          while (now() < end) {
            const title = `Edit ${w.label} #${seq++}`;
            sentAt.set(title, now());
            updateMilestone(w.handle.doc, w.milestoneId, { title }, seeded.users.lead);
            count++;
            next += 250;
            await sleep(Math.max(0, next - now()));
          }
        }),
      );
      return count;
    };

    // Warm-up, the same for both servers and not counted: a freshly started process pays once
    // for what a running one has done long ago (prepared statements, schema and JIT warm-up,
    // each room's first write). Its figures are reported apart, as the first seconds.
    const warmupSent = await edit(options.warmupSeconds);
    await waitFor(
      () => fanout.length >= warmupSent * (options.perProject - 1),
      10_000,
      'warm-up deliveries',
    ).catch(() => undefined);
    const warmup = [...fanout];
    fanout.length = 0;
    for (const w of writers) w.handle.ackTimes.length = 0;

    const cpuBefore = serverCpu(target);
    const kernelBefore = cpuTimes(target.server.pid).system;
    const wakeupsBefore = wakeups(target.server.pid);
    const threadsBefore = threadCpu(target.server.pid);
    const updates = await edit(options.seconds);
    const expected = updates * (options.perProject - 1);
    await waitFor(() => fanout.length >= expected, 10_000, 'team deliveries').catch(() => undefined);
    await waitFor(
      () => writers.reduce((n, w) => n + w.handle.ackTimes.length, 0) >= updates,
      10_000,
      'acks',
    ).catch(() => undefined);
    const cpu = serverCpu(target) - cpuBefore;
    const kernel = cpuTimes(target.server.pid).system - kernelBefore;
    const woken = wakeups(target.server.pid) - wakeupsBefore;
    const threadsAfter = threadCpu(target.server.pid);
    const allAcks = writers.flatMap((w) => w.handle.ackTimes);
    return {
      updates,
      deliveries: fanout.length,
      expectedDeliveries: expected,
      fanoutP50: ms(percentile(fanout, 50)),
      fanoutP99: ms(percentile(fanout, 99)),
      warmupFanoutP99: ms(percentile(warmup, 99)),
      ackP50: ms(percentile(allAcks, 50)),
      ackP99: ms(percentile(allAcks, 99)),
      acks: allAcks.length,
      cpuPer1000: round((cpu / updates) * 1000, 3),
      cpuSeconds: round(cpu, 2),
      /** of which in the kernel (the first server's, with several: fsync, socket writes) */
      kernelSeconds: round(kernel, 2),
      /** the first server's threads woken from sleep, per 1,000 updates */
      wakeupsPer1000: round((woken / updates) * 1000, 0),
      errors: writers.reduce((n, w) => n + w.handle.errors.length, 0),
      /** of which the (first) server's main thread, and its other threads, per 1,000 updates */
      mainThreadPer1000: round(((threadsAfter.main - threadsBefore.main) / updates) * 1000, 3),
      otherThreadsPer1000: round(((threadsAfter.others - threadsBefore.others) / updates) * 1000, 3),
    };
  } finally {
    closeAll(conns);
  }
}

/** crowd: 1 writer and 300 observers on one project, 10 edits/s. */
export async function crowd(
  target: Target,
  options = { observers: 300, warmupEdits: 10, edits: 100, perSecond: 10 },
) {
  const { seeded } = target;
  const name = docName(seeded.crowd);
  const milestoneId = seeded.milestoneIds[seeded.crowd]![0]!;
  const observers = await openConns(target, 'manager', options.observers);
  const [writerConn] = await openConns(target, 'lead', 1);
  const sentAt = new Map<string, number>();
  const fanout: number[] = [];
  try {
    const handles = observers.map((c) => c.join(name));
    await allSynced(handles, 60_000, 'crowd join');
    const writer = writerConn!.join(name);
    await allSynced([writer], 30_000, 'crowd writer join');
    for (const h of handles) watchTitles(h.doc, [milestoneId], sentAt, fanout);
    let next = now();
    const edit = async (i: number) => {
      const title = `Crowd edit #${i}`;
      sentAt.set(title, now());
      updateMilestone(writer.doc, milestoneId, { title }, seeded.users.lead);
      next += 1000 / options.perSecond;
      await sleep(Math.max(0, next - now()));
    };
    // A warm-up, as in team: the first edits pay for compiling the code on both ends (the
    // driver's 300 clients included) and for the server's first write to the document.
    for (let i = 0; i < options.warmupEdits; i++) await edit(i);
    await waitFor(
      () => fanout.length >= options.warmupEdits * options.observers,
      15_000,
      'crowd warm-up deliveries',
    ).catch(() => undefined);
    const warmup = fanout.splice(0);
    const cpuBefore = cpuSeconds(target.server.pid);
    next = now();
    for (let i = options.warmupEdits; i < options.warmupEdits + options.edits; i++) await edit(i);
    const expected = options.edits * options.observers;
    await waitFor(() => fanout.length >= expected, 15_000, 'crowd deliveries').catch(() => undefined);
    const cpu = cpuSeconds(target.server.pid) - cpuBefore;
    return {
      observers: options.observers,
      edits: options.edits,
      deliveries: fanout.length,
      expectedDeliveries: expected,
      fanoutP50: ms(percentile(fanout, 50)),
      fanoutP99: ms(percentile(fanout, 99)),
      warmupFanoutP99: ms(percentile(warmup, 99)),
      cpuSeconds: round(cpu, 2),
      errors: handles.reduce((n, h) => n + h.errors.length, 0) + writer.errors.length,
    };
  } finally {
    closeAll([...observers, writerConn!]);
  }
}

/** cold load: join → synced on projects whose log holds 10,000 updates, one join each. */
export async function cold(target: Target) {
  const { seeded } = target;
  const times: number[] = [];
  // The client's own share, the floor under any server: applying the synced document to a new
  // Y.Doc, timed alone in the driver once the join is over.
  const clientApply: number[] = [];
  let stateBytes = 0;
  let errors = 0;
  // Storage as seeded, before any load (Jalon folds a long log when it loads it).
  const first = docName(seeded.cold[0]!);
  const storedBefore = await target.storedBytes(first);
  for (const projectId of seeded.cold) {
    const [conn] = await openConns(target, 'lead', 1);
    try {
      const t0 = now();
      const handle = conn!.join(docName(projectId));
      await allSynced([handle], 30_000, 'cold join');
      times.push(now() - t0);
      errors += handle.errors.length;
      const state = Y.encodeStateAsUpdate(handle.doc);
      stateBytes = state.byteLength;
      const t1 = now();
      Y.applyUpdate(new Y.Doc(), state);
      clientApply.push(now() - t1);
    } finally {
      conn!.close();
    }
  }
  // Storage once the server has had its chance to fold the log: after the loads above (Jalon),
  // and one more edit (Hocuspocus stores 2 s after a change).
  const [conn] = await openConns(target, 'lead', 1);
  let storedAfter = storedBefore;
  try {
    const handle = conn!.join(first);
    await allSynced([handle], 30_000, 'cold edit join');
    const milestones = handle.doc.getMap<Y.Map<unknown>>('milestones');
    const [id] = [...milestones.keys()];
    updateMilestone(handle.doc, id!, { title: 'Compaction trigger' }, seeded.users.lead);
    await waitFor(() => handle.ackTimes.length > 0, 10_000, 'cold edit ack').catch(() => undefined);
    stateBytes = Y.encodeStateAsUpdate(handle.doc).byteLength;
    // Compaction (Jalon) or the debounced store (Hocuspocus, 2 s): wait until the size settles
    // (the same two readings 1 s apart, the first no sooner than 2 s after the edit).
    const deadline = now() + 15_000;
    let last = -1;
    await sleep(1000);
    while (now() < deadline) {
      await sleep(1000);
      storedAfter = await target.storedBytes(first);
      if (storedAfter === last) break;
      last = storedAfter;
    }
  } finally {
    conn!.close();
  }
  return {
    joins: times.length,
    loadP50: ms(percentile(times, 50)),
    loadP95: ms(percentile(times, 95)),
    clientApplyP50: ms(percentile(clientApply, 50)),
    clientApplyP95: ms(percentile(clientApply, 95)),
    storedBytesBefore: storedBefore,
    storedBytesAfter: storedAfter,
    stateBytes,
    storageRatioBefore: round(storedBefore / stateBytes, 2),
    storageRatio: round(storedAfter / stateBytes, 2),
    errors,
  };
}

/**
 * join storm: 150 clients join one ~1 MB project at once. The clients note when the document
 * arrives and do not apply it: 150 copies decoded in the one driver process would measure the
 * driver, not the server.
 */
export async function storm(target: Target, options = { clients: 150 }) {
  const { seeded } = target;
  const conns = await openConns(target, 'lead', options.clients, 50, true);
  const pid = target.server.pid;
  try {
    const rssBefore = rssMb(pid);
    resetPeakRss(pid);
    const sampler = sampleRss(pid);
    const t0 = now();
    const handles = conns.map((c) => c.join(docName(seeded.storm)));
    const times: number[] = [];
    handles.forEach((h) => void h.synced.then(() => times.push(now() - t0)));
    await allSynced(handles, 60_000, 'join storm').catch(() => undefined);
    const sampled = sampler.stop();
    return {
      clients: options.clients,
      synced: times.length,
      syncedP50: ms(percentile(times, 50)),
      syncedP99: ms(percentile(times, 99)),
      rssBeforeMb: round(rssBefore, 1),
      peakRssMb: round(Math.max(sampled, peakRssMb(pid)), 1),
      docBytes: seeded.sizes.stormStateBytes,
      errors: handles.reduce((n, h) => n + h.errors.length, 0),
    };
  } finally {
    closeAll(conns);
  }
}

/** idle: 1,000 projects of 50 milestones loaded (joined, synced), then left to unload. */
export async function idle(target: Target, options = { unloadWaitMs: 35_000 }) {
  const { seeded } = target;
  const pid = target.server.pid;
  const PER_CONN = 50;
  const count = seeded.idle.length;
  await sleep(1000);
  const rssBase = rssMb(pid);
  const conns = await openConns(target, 'idleLead', Math.ceil(count / PER_CONN));
  const handles: DocHandle[] = [];
  try {
    await inBatches(seeded.idle, 20, async (projectId, i) => {
      const h = conns[Math.floor(i / PER_CONN)]!.join(docName(projectId));
      handles.push(h);
      await allSynced([h], 30_000, 'idle join');
    });
    await sleep(2000);
    const rssLoaded = rssMb(pid);
    const docHeapKb = handles[0] ? yDocHeapKb(Y.encodeStateAsUpdate(handles[0].doc)) : null;
    closeAll(conns);
    // Jalon keeps an empty document 30 s before unloading it; Hocuspocus unloads at once.
    const deadline = now() + options.unloadWaitMs;
    while (now() < deadline) await sleep(500);
    const rssAfter = rssMb(pid);
    return {
      projects: count,
      loaded: handles.length,
      rssBaseMb: round(rssBase, 1),
      rssLoadedMb: round(rssLoaded, 1),
      kbPerProject: round(((rssLoaded - rssBase) * 1024) / count, 1),
      rssAfterUnloadMb: round(rssAfter, 1),
      retainedAfterUnloadMb: round(rssAfter - rssBase, 1),
      yDocHeapKb: docHeapKb,
      errors: handles.reduce((n, h) => n + h.errors.length, 0),
    };
  } finally {
    closeAll(conns);
  }
}

/**
 * The V8 heap that one Y.Doc holding `state` takes (KB), measured in the driver over 200
 * copies: what any server pays per loaded project for the document itself, before its own.
 */
function yDocHeapKb(state: Uint8Array): number | null {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const heap = () => {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
  };
  const copies: Y.Doc[] = [];
  const before = heap();
  for (let i = 0; i < 200; i++) {
    const doc = new Y.Doc({ gc: true });
    Y.applyUpdate(doc, state);
    copies.push(doc);
  }
  const after = heap();
  for (const doc of copies) doc.destroy();
  return round((after - before) / copies.length / 1024, 1);
}

/** reconnect: 300 connected clients, the server restarted; time until all are synced again. */
export async function reconnect(target: Target, options = { clients: 300 }) {
  const { seeded } = target;
  const conns = await openConns(target, 'lead', options.clients);
  try {
    const handles = conns.map((c, i) => c.join(docName(seeded.team[i % seeded.team.length]!)));
    await allSynced(handles, 60_000, 'reconnect join');
    const t0 = now();
    const { stopMs, startMs } = await target.restart();
    const up = now();
    // A sync after the old process exited is a sync with the new one (some land before the
    // driver notices the new server is up).
    const stopped = t0 + stopMs;
    const deadline = up + 60_000;
    while (now() < deadline && handles.some((h) => (h.lastSyncedAt ?? 0) < stopped)) await sleep(20);
    const resynced = handles.filter((h) => (h.lastSyncedAt ?? 0) >= stopped);
    const last = Math.max(...resynced.map((h) => h.lastSyncedAt!));
    return {
      clients: options.clients,
      resynced: resynced.length,
      restartMs: ms(up - t0),
      stopMs: ms(stopMs),
      startMs: ms(startMs),
      allSyncedFromRestartMs: resynced.length === handles.length ? ms(last - t0) : null,
      allSyncedFromUpMs: resynced.length === handles.length ? ms(Math.max(0, last - up)) : null,
      errors: handles.reduce((n, h) => n + h.errors.length, 0) + (handles.length - resynced.length),
    };
  } finally {
    closeAll(conns);
  }
}

export const SCENARIOS = { team, crowd, cold, storm, idle, reconnect } as const;
export type ScenarioName = keyof typeof SCENARIOS | 'floor' | 'commits' | 'browser' | 'cluster';

/** Bytes a server keeps for a document, read from its database file (a reader beside the server). */
export async function storedBytes(product: Product, dbUrl: string, name: string): Promise<number> {
  const client = createClient({ url: dbUrl });
  try {
    if (product === 'hocuspocus') {
      const r = await client.execute({
        sql: 'SELECT length(data) AS n FROM documents WHERE name = ?',
        args: [name],
      });
      return Number(r.rows[0]?.n ?? 0);
    }
    const r = await client.execute({
      sql: `SELECT (SELECT coalesce(sum(length(data)), 0) FROM doc_updates WHERE doc_name = ?1)
                 + (SELECT coalesce(sum(length(data)), 0) FROM doc_snapshots WHERE doc_name = ?1) AS n`,
      args: [name],
    });
    return Number(r.rows[0]?.n ?? 0);
  } finally {
    client.close();
  }
}
