/**
 * The scenarios that load documents rather than edit them: a cold load of a long log, a storm
 * of joins, a thousand idle projects, and a restart under 300 clients.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import * as Y from 'yjs';
import { docName } from '../../shared/doc/index.ts';
import { updateMilestone } from '../../shared/doc/write-milestones.ts';
import type { DocHandle } from './clients.ts';
import {
  inBatches,
  now,
  peakRssMb,
  percentile,
  resetPeakRss,
  round,
  rssMb,
  sampleRss,
  sleep,
  waitFor,
} from './lib.ts';
import { allSynced, closeAll, ms, openConns, type Target } from './scenario-kit.ts';

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
