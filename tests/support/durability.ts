/**
 * Kill -9 durability: a real server process, writers sending acknowledged updates, SIGKILL at
 * a random moment, restart, repeat; then check that every acknowledged update is there and
 * that the database file is intact. Used by the integration test (a few cycles) and by
 * `npm run torture` (hundreds).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Socket } from 'socket.io-client';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { createMilestone, docName, readProjectDoc } from '../../shared/doc/index.ts';
import { DOC_EVENTS } from '../../shared/protocol/index.ts';
import { signedIn } from './client.ts';
import { connectWith, emitWithAck, emitWithAckWithin } from './socket.ts';

const ROOT = new URL('../..', import.meta.url).pathname;

export interface TortureResult {
  cycles: number;
  acked: number;
  lost: string[];
  integrity: string;
  kills: number;
}

interface ServerProcess {
  child: ChildProcess;
  url: string;
}

export async function startProcess(dir: string, port: number): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: `file:${join(dir, 'jalon.db')}`,
      AUTH_SECRET: 'torture-secret-torture-secret-torture-01',
      LOG_LEVEL: 'info',
      JALON_DEMO: '1',
      // the demo as it stands today: its history would only slow every start down
      JALON_DEMO_HISTORY: '0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  // The server logs one JSON line when it listens: wait for that line, not for a timer.
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start in 30 s')), 30_000);
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      if (buffered.includes('Jalon is listening')) {
        clearTimeout(timer);
        resolve();
      }
      buffered = buffered.slice(-200);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}`));
    });
  });
  child.stdout!.resume();
  return { child, url };
}

export function kill(server: ServerProcess): Promise<void> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null || server.child.signalCode) return resolve();
    server.child.once('exit', () => resolve());
    server.child.kill('SIGKILL');
  });
}

/** A writer: its own Y.Doc synced with the server, sending each change with an ack. */
async function startWriter(
  url: string,
  cookie: string,
  name: string,
  projectId: string,
  label: string,
  acked: Set<string>,
) {
  const doc = new Y.Doc();
  let socket: Socket;
  try {
    socket = await connectWith(url, { cookie, origin: url });
    await joinAndSync(socket, doc, name).catch((err) => {
      socket.close();
      throw err;
    });
  } catch {
    // The server died (or was too slow) before this writer joined: it writes nothing this cycle.
    return { stop: async () => {} };
  }
  let stopped = false;
  let n = 0;
  const loop = (async () => {
    while (!stopped && socket.connected) {
      const title = `${label}-${n++}`;
      let update: Uint8Array | null = null;
      const capture = (u: Uint8Array) => {
        update = u;
      };
      doc.once('update', capture);
      createMilestone(doc, { title, status: 'planned', stage: 0 }, 'torture');
      if (!update) continue;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      syncProtocol.writeUpdate(encoder, update);
      try {
        const ack = await emitWithAck(socket, DOC_EVENTS.msg, name, encoding.toUint8Array(encoder));
        if (ack.ok) acked.add(title);
      } catch {
        return; // the server died before answering: this one was never acknowledged
      }
    }
  })();
  void projectId;
  return {
    async stop() {
      stopped = true;
      socket.close();
      await loop;
    },
  };
}

export async function joinAndSync(socket: Socket, doc: Y.Doc, name: string): Promise<void> {
  const synced = new Promise<void>((resolve) => {
    socket.on(DOC_EVENTS.msg, (docName: string, message: ArrayBuffer) => {
      if (docName !== name) return;
      const decoder = decoding.createDecoder(new Uint8Array(message));
      if (decoding.readVarUint(decoder) !== 0) return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      const type = syncProtocol.readSyncMessage(decoder, encoder, doc, 'server');
      if (type === syncProtocol.messageYjsSyncStep2) resolve();
      if (encoding.length(encoder) > 1) socket.emit(DOC_EVENTS.msg, name, encoding.toUint8Array(encoder));
    });
  });
  // A generous wait: a document grown to thousands of milestones takes a while to load.
  const ack = await emitWithAckWithin(30_000, socket, DOC_EVENTS.join, name);
  if (!ack.ok) throw new Error(`join refused: ${ack.error?.code}`);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeSyncStep1(encoder, doc);
  socket.emit(DOC_EVENTS.msg, name, encoding.toUint8Array(encoder));
  await Promise.race([
    synced,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('not synced in 30 s')), 30_000).unref(),
    ),
  ]);
}

export async function runTorture(options: {
  cycles: number;
  writers: number;
  port: number;
  onCycle?: (cycle: number, acked: number) => void;
}): Promise<TortureResult> {
  const dir = mkdtempSync(join(tmpdir(), 'jalon-torture-'));
  const acked = new Set<string>();
  let kills = 0;
  try {
    let server = await startProcess(dir, options.port);
    const lead = await signedIn(server.url, 'lead@demo.jalon');
    const projectId = (await lead.get('/api/projects')).body.projects[0].id as string;
    const name = docName(projectId);
    for (let cycle = 0; cycle < options.cycles; cycle++) {
      const writers = await Promise.all(
        Array.from({ length: options.writers }, (_, w) =>
          startWriter(server.url, lead.cookie, name, projectId, `c${cycle}w${w}`, acked),
        ),
      );
      // Kill at a random moment while the writers are busy.
      await new Promise<void>((r) => setTimeout(r, 100 + Math.random() * 600));
      await kill(server);
      kills++;
      await Promise.all(writers.map((w) => w.stop()));
      server = await startProcess(dir, options.port);
      options.onCycle?.(cycle, acked.size);
    }
    const lost = await missingTitles(server.url, lead.cookie, name, acked);
    await kill(server);
    const db = createClient({ url: `file:${join(dir, 'jalon.db')}` });
    const integrity = String((await db.execute('PRAGMA integrity_check')).rows[0]?.[0]);
    db.close();
    return { cycles: options.cycles, acked: acked.size, lost, integrity, kills };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function missingTitles(
  url: string,
  cookie: string,
  name: string,
  acked: Set<string>,
): Promise<string[]> {
  const socket = await connectWith(url, { cookie, origin: url });
  const doc = new Y.Doc();
  await joinAndSync(socket, doc, name);
  const present = new Set(readProjectDoc(doc).milestones.map((m) => m.title));
  socket.close();
  return [...acked].filter((t) => !present.has(t));
}
