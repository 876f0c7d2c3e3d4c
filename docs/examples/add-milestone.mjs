// A complete Jalon protocol client in Node: joins a project's live document with an API
// token, waits until it is in sync, adds a milestone, and waits for the server's
// acknowledgement (which means: committed to the database).
//
//   JALON_URL=http://localhost:3000 JALON_TOKEN=jalon_… JALON_PROJECT=<project id> \
//     node docs/examples/add-milestone.mjs "GLP toxicology report received"
//
// Needs socket.io-client with the Socket.IO team's MessagePack parser, socket.io-msgpack-parser
// (Jalon's connections speak MessagePack), and yjs, y-protocols and lib0 (all in this
// repository's dependencies).
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { io } from 'socket.io-client';
import msgpackParser from 'socket.io-msgpack-parser';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

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

const MESSAGE_SYNC = 0;
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
  socket.on('doc:msg', (name, message) => {
    if (name !== docName) return;
    const decoder = decoding.createDecoder(new Uint8Array(message));
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return; // awareness: not needed here
    const reply = encoding.createEncoder();
    encoding.writeVarUint(reply, MESSAGE_SYNC);
    const type = syncProtocol.readSyncMessage(decoder, reply, doc, 'server');
    if (encoding.length(reply) > 1) socket.emit('doc:msg', docName, encoding.toUint8Array(reply));
    if (type === syncProtocol.messageYjsSyncStep2) resolve();
  });
});

socket.on('connect', async () => {
  const joined = await socket.emitWithAck('doc:join', docName);
  if (!joined.ok) fail('join refused', joined.error);
  console.log(`joined ${docName} with ${joined.access} access`);
  if (joined.access !== 'edit') fail('cannot add a milestone', { code: 'forbidden', message: 'read-only access' });

  // Ask for the server's state, then wait until we have it.
  const step1 = encoding.createEncoder();
  encoding.writeVarUint(step1, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(step1, doc);
  socket.emit('doc:msg', docName, encoding.toUint8Array(step1));
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
    milestone.set('title', title);
    milestone.set('status', 'planned');
    milestone.set('stage', 0);
    milestone.set('createdAt', Date.now());
  });

  const message = encoding.createEncoder();
  encoding.writeVarUint(message, MESSAGE_SYNC);
  syncProtocol.writeUpdate(message, update);
  const ack = await socket.timeout(10_000).emitWithAck('doc:msg', docName, encoding.toUint8Array(message));
  if (!ack.ok) fail('update refused', ack.error);
  console.log(`added milestone ${id} ("${title}"): committed; the project now has ${before + 1} milestones`);
  socket.close();
});
