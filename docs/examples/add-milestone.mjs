// A complete Jalon protocol client in Node: joins a project's live document with an API
// token, waits until it is in sync, adds a milestone, and waits for the server's
// acknowledgement (which means: committed to the database).
//
//   JALON_URL=http://localhost:3000 JALON_TOKEN=jalon_… JALON_PROJECT=<project id> \
//     node --import tsx docs/examples/add-milestone.mjs "GLP toxicology report received"
//
// Needs socket.io-client with the Socket.IO team's MessagePack parser, socket.io-msgpack-parser
// (Jalon's connections speak MessagePack), and yjs. The event names and the message framing are
// the server's own, from shared/protocol/ (TypeScript: run it with `node --import tsx`, as below).
import { io } from 'socket.io-client';
import msgpackParser from 'socket.io-msgpack-parser';
import * as Y from 'yjs';
import { DOC_EVENTS } from '../../shared/protocol/event-names.ts';
import { decodeMessage } from '../../shared/protocol/decode.ts';
import { encodeSync, SYNC_STEP1, SYNC_STEP2, SYNC_UPDATE } from '../../shared/protocol/framing.ts';

const url = process.env.JALON_URL ?? 'http://localhost:3000';
const token = process.env.JALON_TOKEN;
const projectId = process.env.JALON_PROJECT;
const title = process.argv[2] ?? 'Milestone added by the example client';
if (!token || !projectId) {
  console.error(
    "Set JALON_TOKEN (create one with POST /api/me/tokens { name, scope: 'write', projectId }) and JALON_PROJECT.",
  );
  process.exit(2);
}

const docName = `project:${projectId}`;
const doc = new Y.Doc();
// The token goes in a header, checked before the server reads anything from the connection
// (`auth: { token }` works too).
const socket = io(url, {
  parser: msgpackParser,
  extraHeaders: { authorization: `Bearer ${token}` },
  transports: ['websocket'],
});

function fail(what, error) {
  console.error(`${what}: ${error?.code ?? 'error'} — ${error?.message ?? error}`);
  socket.close();
  process.exit(1);
}

socket.on('connect_error', (err) => fail('connection refused', err.data ?? err));

// Every sync message from the server: answer step 1 with step 2, apply step 2 and updates.
const synced = new Promise((resolve) => {
  socket.on(DOC_EVENTS.msg, (name, message) => {
    if (name !== docName) return;
    const received = decodeMessage(new Uint8Array(message));
    if (received.kind === 'sync-step1') {
      const missing = Y.encodeStateAsUpdate(doc, received.stateVector);
      socket.emit(DOC_EVENTS.msg, docName, encodeSync(SYNC_STEP2, missing));
    } else if (received.kind === 'sync-step2' || received.kind === 'sync-update') {
      Y.applyUpdate(doc, received.update, 'server');
      if (received.kind === 'sync-step2') resolve();
    } // awareness (presence): not needed here
  });
});

socket.on('connect', async () => {
  const joined = await socket.emitWithAck(DOC_EVENTS.join, docName);
  if (!joined.ok) fail('join refused', joined.error);
  console.log(`joined ${docName} with ${joined.access} access`);
  if (joined.access !== 'edit') fail('cannot add a milestone', { code: 'forbidden', message: 'read-only access' });

  // Ask for the server's state, then wait until we have it.
  socket.emit(DOC_EVENTS.msg, docName, encodeSync(SYNC_STEP1, Y.encodeStateVector(doc)));
  await synced;
  const before = doc.getMap('milestones').size;

  // Add the milestone in the document's shape (shared/doc/shape.ts), capturing the update.
  let update = null;
  doc.once('update', (u) => {
    update = u;
  });
  const id = crypto.randomUUID();
  doc.transact(() => {
    const milestone = new Y.Map();
    doc.getMap('milestones').set(id, milestone);
    milestone.set('title', new Y.Text(title)); // text, so that people can edit it together
    milestone.set('status', 'planned');
    milestone.set('stage', 0);
    milestone.set('createdAt', Date.now());
  });

  const message = encodeSync(SYNC_UPDATE, update);
  const ack = await socket.timeout(10_000).emitWithAck(DOC_EVENTS.msg, docName, message);
  if (!ack.ok) fail('update refused', ack.error);
  console.log(`added milestone ${id} ("${title}"): committed; the project now has ${before + 1} milestones`);
  socket.close();
});
