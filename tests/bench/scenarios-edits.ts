/**
 * The scenarios that time edits reaching others: team (several writers on each project),
 * create (the same writers, each adding new milestones) and crowd (one writer, 300 observers).
 */
import { docName } from '../../shared/doc/index.ts';
import { createMilestone, updateMilestone } from '../../shared/doc/write-milestones.ts';
import type { DocHandle } from './clients.ts';
import {
  cpuSeconds,
  cpuTimes,
  now,
  peakRssMb,
  percentile,
  round,
  rssMb,
  sleep,
  threadCpu,
  waitFor,
  wakeups,
} from './lib.ts';
import {
  allSynced,
  closeAll,
  ms,
  openConns,
  serverCpu,
  type Target,
  watchCreations,
  watchTitles,
} from './scenario-kit.ts';

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
    return await timedEdits(target, 'team', writers, fanout, options, (w, seq) => {
      const title = `Edit ${w.label} #${seq}`;
      sentAt.set(title, now());
      updateMilestone(w.handle.doc, w.milestoneId, { title }, seeded.users.lead);
    });
  } finally {
    closeAll(conns);
  }
}

/** A due date `weeks` from now, as the app's date field writes it (YYYY-MM-DD). */
const dueIn = (weeks: number) => new Date(Date.now() + weeks * 7 * 86_400_000).toISOString().slice(0, 10);

const CREATE_TITLES = [
  'Pre-clinical toxicology report',
  'Ethics committee submission',
  'Prototype usability study',
  'Freedom-to-operate analysis',
  'Pilot manufacturing batch',
  'Investor deck for seed round',
];

/**
 * create: the team workload, except that each client adds a new milestone every 250 ms, as a
 * team does in its first days: through the app's own writer (`createMilestone`), with a title,
 * a description, an owner, a due date and the project's stage. Each round writes to a fresh set
 * of projects of 20 milestones (`seeded.create[round]`). Fan-out runs from the writer's change
 * to the moment each other client's document holds the new milestone.
 */
export async function create(
  target: Target,
  options = { projects: 5, perProject: 8, seconds: 15, warmupSeconds: 2, set: target.round ?? 0 },
) {
  const { seeded } = target;
  const projects = seeded.create[options.set]?.slice(0, options.projects);
  if (!projects?.length) throw new Error(`create: no seeded project set ${options.set}`);
  const conns = await openConns(target, 'lead', projects.length * options.perProject);
  const sentAt = new Map<string, number>();
  const fanout: number[] = [];
  const writers: { handle: DocHandle; label: string }[] = [];
  try {
    projects.forEach((projectId, p) => {
      for (let k = 0; k < options.perProject; k++) {
        const handle = conns[p * options.perProject + k]!.join(docName(projectId));
        writers.push({ handle, label: `p${p} w${k}` });
      }
    });
    await allSynced(
      writers.map((w) => w.handle),
      60_000,
      'create join',
    );
    for (const w of writers) watchCreations(w.handle.doc, sentAt, fanout);
    return await timedEdits(target, 'create', writers, fanout, options, (w, n) => {
      const title = `${CREATE_TITLES[n % CREATE_TITLES.length]} (${w.label} #${n})`;
      sentAt.set(title, now());
      createMilestone(
        w.handle.doc,
        {
          title,
          description: `Agree the protocol with the partner lab, book the slots and collect the signed data package before the review (${n}).`,
          owner: seeded.users.lead,
          due: dueIn(4 + (n % 20)),
          stage: 1,
        },
        seeded.users.lead,
      );
    });
  } finally {
    closeAll(conns);
  }
}

/**
 * What team and create share: each writer ticks every 250 ms from a random phase, making one
 * change (`change(writer, seq)`, seq counting across writers); a warm-up first, then the
 * measured seconds, each bounded by its end time. Returns the figures of the measured part.
 */
async function timedEdits<W extends { handle: DocHandle; label: string }>(
  target: Target,
  what: string,
  writers: readonly W[],
  fanout: number[],
  options: { perProject: number; seconds: number; warmupSeconds: number },
  change: (writer: W, seq: number) => void,
) {
  let seq = 0;
  const edit = async (seconds: number) => {
    const end = now() + seconds * 1000;
    let count = 0;
    await Promise.all(
      writers.map(async (w) => {
        await sleep(Math.random() * 250);
        let next = now();
        while (now() < end) {
          change(w, seq++);
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
    `${what} warm-up deliveries`,
  ).catch(() => undefined);
  const warmup = fanout.splice(0);
  for (const w of writers) w.handle.ackTimes.length = 0;

  const { pid } = target.server;
  const cpuBefore = serverCpu(target);
  const kernelBefore = cpuTimes(pid).system;
  const wakeupsBefore = wakeups(pid);
  const threadsBefore = threadCpu(pid);
  const updates = await edit(options.seconds);
  const expected = updates * (options.perProject - 1);
  await waitFor(() => fanout.length >= expected, 10_000, `${what} deliveries`).catch(() => undefined);
  await waitFor(
    () => writers.reduce((n, w) => n + w.handle.ackTimes.length, 0) >= updates,
    10_000,
    `${what} acks`,
  ).catch(() => undefined);
  const cpu = serverCpu(target) - cpuBefore;
  const kernel = cpuTimes(pid).system - kernelBefore;
  const woken = wakeups(pid) - wakeupsBefore;
  const threadsAfter = threadCpu(pid);
  const rssAfter = rssMb(pid);
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
    /** the (first) server's resident memory at the end of the edits, and its peak since start (MB) */
    rssMb: round(rssAfter, 1),
    peakRssMb: round(peakRssMb(pid), 1),
  };
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
