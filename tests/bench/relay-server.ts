/**
 * The floor of the transport Jalon is built on: a bare Socket.IO relay, configured as Jalon's
 * (WebSocket, no compression, the MessagePack parser), speaking the same protocol
 * (docs/protocol.md) to the same clients. It answers a join with the document as stored (read
 * once from the Hocuspocus database, which holds the same documents), relays each update to the
 * room as it came and acks it. No authentication, no validation, no Yjs on the hot path:
 * whatever Jalon spends above this, it spends on its own work. Started by the benchmark as its
 * own process: RELAY_PORT, RELAY_DB (a file: URL).
 *
 * With RELAY_LOG_DB (a file: URL for a new database), each update is also appended to a Jalon
 * log before its ack, through Jalon's own log store (group commit, on the write thread,
 * `synchronous=FULL`): the least a server that keeps Jalon's promise (an ack means committed)
 * spends on this transport. Without it, nothing is stored and the ack is at once.
 *
 * With RELAY_APPLY=1 as well, each update is applied to the relay's copy of the document before
 * it is relayed, as Hocuspocus applies it: the least a Yjs server that keeps Jalon's promise
 * spends, with nothing of Jalon's own (no access, validation, projection or audit).
 */
import { createServer } from 'node:http';
import { createClient } from '@libsql/client';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { Server } from 'socket.io';
import * as Y from 'yjs';
import { LibsqlDocStore } from '../../server/collab/libsql-doc-store.ts';
import { openDatabase } from '../../server/db/client.ts';
import { applyMigrations } from '../../server/db/migrate.ts';
import { DOC_EVENTS } from '../../shared/protocol/index.ts';
import { asBytes, socketParser } from '../../shared/socket-parser.ts';

const SYNC = 0;
const STEP1 = 0;
const STEP2 = 1;
const UPDATE = 2;

const port = Number(process.env.RELAY_PORT ?? 1235);
const client = createClient({ url: process.env.RELAY_DB ?? 'file:hocuspocus.db' });
const docs = new Map<string, Promise<Y.Doc>>();
const log = process.env.RELAY_LOG_DB ? await openLog(process.env.RELAY_LOG_DB) : null;
const apply = process.env.RELAY_APPLY === '1';

async function openLog(url: string): Promise<LibsqlDocStore> {
  const database = await openDatabase(url);
  await applyMigrations(database.db);
  await database.writable;
  return new LibsqlDocStore(database.client);
}

function stored(name: string): Promise<Y.Doc> {
  let doc = docs.get(name);
  if (!doc) {
    doc = client
      .execute({ sql: 'SELECT data FROM documents WHERE name = ?', args: [name] })
      .then((result) => {
        const d = new Y.Doc();
        const data = result.rows[0]?.data;
        if (data) Y.applyUpdate(d, new Uint8Array(data as ArrayBuffer));
        return d;
      });
    docs.set(name, doc);
  }
  return doc;
}

function sync(type: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, SYNC);
  encoding.writeVarUint(e, type);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

type Ack = (answer: { ok: boolean; access?: string }) => void;

const http = createServer();
const io = new Server(http, {
  parser: socketParser,
  perMessageDeflate: false,
  maxHttpBufferSize: 4 * 1024 * 1024,
});
io.on('connection', (socket) => {
  socket.on(DOC_EVENTS.join, async (name: string, ack?: Ack) => {
    const doc = await stored(name);
    await socket.join(name);
    ack?.({ ok: true, access: 'edit' });
    socket.emit(DOC_EVENTS.msg, name, sync(STEP1, Y.encodeStateVector(doc)));
  });
  socket.on(DOC_EVENTS.msg, async (name: string, raw: ArrayBuffer | Uint8Array, ack?: Ack) => {
    const message = asBytes(raw) ?? new Uint8Array();
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== SYNC) return ack?.({ ok: true });
    const type = decoding.readVarUint(decoder);
    if (type === STEP1) {
      const doc = await stored(name);
      socket.emit(
        DOC_EVENTS.msg,
        name,
        sync(STEP2, Y.encodeStateAsUpdate(doc, decoding.readVarUint8Array(decoder))),
      );
    } else if (type === UPDATE) {
      const update = decoding.readVarUint8Array(decoder);
      if (apply) Y.applyUpdate(await stored(name), update);
      socket.to(name).emit(DOC_EVENTS.msg, name, message);
      // Relayed at once; acknowledged once committed, as Jalon does.
      if (log) await log.append(name, update, null);
    }
    ack?.({ ok: true });
  });
});
http.listen(port, '127.0.0.1', () => console.log(`relay listening on ${port}`));

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    io.close();
    process.exit(0);
  });
