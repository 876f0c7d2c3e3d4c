/**
 * How the room relays (server/collab/relay-batch.ts): updates of one turn of the event loop go
 * out merged, the sync reply is shared per document version. What members notice: everyone
 * converges, nobody gets their own change echoed back, and a late joiner sees the latest state.
 */
import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docName, readProjectDoc, updateMilestone } from '../../shared/doc/index.ts';
import { DOC_EVENTS } from '../../shared/protocol/index.ts';
import { signedIn } from '../support/client.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { type Peer, peer, until } from '../support/socket.ts';

let server: TestServer;
let name: string;
let leadId: string;
const peers: Peer[] = [];

beforeAll(async () => {
  server = await startTestServer();
  const lead = await signedIn(server.url, 'lead@demo.jalon');
  leadId = (await lead.get('/api/me')).body.user.id;
  const projects = (await lead.get('/api/projects')).body.projects as { id: string }[];
  name = docName(projects[0]!.id);
});
afterAll(async () => {
  for (const p of peers) p.close();
  await server?.close();
});

const join = async (email: string) => {
  const p = await peer(server.url, email, name);
  peers.push(p);
  return p;
};

const titles = (doc: Y.Doc) => readProjectDoc(doc).milestones.map((m) => m.title);

/** Resolves once every change of `p` is acknowledged (committed), or rejects after 10 s. */
function saved(p: Peer): Promise<void> {
  if (p.provider.state.kind === 'saved') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('changes not acknowledged in time')), 10_000);
    const stop = p.provider.on('state', (state) => {
      if (state.kind !== 'saved') return;
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
}

describe('relaying changes made at the same moment', () => {
  it('reaches every member, and no author receives its own change back', async () => {
    const writers = await Promise.all([1, 2, 3, 4].map(() => join('lead@demo.jalon')));
    const observer = await join('manager@demo.jalon');
    const ids = readProjectDoc(writers[0]!.doc)
      .milestones.slice(0, writers.length)
      .map((m) => m.id);
    // What each writer's socket receives: the Yjs client ids in every relayed update.
    const echoed: number[] = [];
    for (const w of writers)
      w.socket.on(DOC_EVENTS.msg, (_doc: string, message: ArrayBuffer) => {
        const decoder = decoding.createDecoder(new Uint8Array(message));
        if (decoding.readVarUint(decoder) !== 0 || decoding.readVarUint(decoder) !== 2) return; // updates only
        const update = decoding.readVarUint8Array(decoder);
        for (const s of Y.decodeUpdate(update).structs)
          if (s.id.client === w.doc.clientID) echoed.push(s.id.client);
      });

    // Ten rounds in which all four rename their own milestone in the same tick.
    for (let round = 0; round < 10; round++)
      for (const [k, w] of writers.entries())
        updateMilestone(w.doc, ids[k]!, { title: `Round ${round} by writer ${k}` }, leadId);

    const final = ids.map((_, k) => `Round 9 by writer ${k}`);
    for (const p of [...writers, observer])
      await until(p.doc, () => final.every((t) => titles(p.doc).includes(t)), 10_000);
    await Promise.all(writers.map(saved));
    expect(echoed).toEqual([]);
  });

  it('a member who joins after a change gets the document as it is now', async () => {
    const first = await join('lead@demo.jalon');
    await join('lead@demo.jalon'); // a join at the current version, before the change
    const id = readProjectDoc(first.doc).milestones[0]!.id;
    updateMilestone(first.doc, id, { title: 'Renamed before the late joiner came' }, leadId);
    await saved(first);

    const late = await join('lead@demo.jalon');
    expect(titles(late.doc)).toContain('Renamed before the late joiner came');
  });
});
