/**
 * A room of the live engine with the real projection (server/milestones/projection.ts), on the
 * libSQL store of a fresh temporary database: updates are committed to the log with their
 * author, rows and audit entries are written as the server writes them. A "crash" abandons a
 * room without writing its projection, as a kill -9 would.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { asc, eq, max } from 'drizzle-orm';
import { anchorAuditTrail } from '../../../server/audit/checkpoints.ts';
import { loadSigningKey } from '../../../server/audit/signing-key.ts';
import type { Broadcast } from '../../../server/collab/connection.ts';
import { DocRoom } from '../../../server/collab/doc-room.ts';
import { LibsqlDocStore } from '../../../server/collab/libsql-doc-store.ts';
import { NO_PEERS } from '../../../server/collab/peers.ts';
import type { Projection } from '../../../server/collab/projection.ts';
import { DEFAULT_ROOM_OPTIONS } from '../../../server/collab/room-options.ts';
import { type Database, openDatabase } from '../../../server/db/client.ts';
import { applyMigrations } from '../../../server/db/migrate.ts';
import { auditEvents, frameworks, organisations, projects } from '../../../server/db/schema/index.ts';
import type { ServiceDeps } from '../../../server/deps.ts';
import { DomainEvents } from '../../../server/events.ts';
import { createLogger } from '../../../server/log.ts';
import { createProjection } from '../../../server/milestones/projection.ts';
import { docName } from '../../../shared/doc/index.ts';

export interface ProjectionDb {
  database: Database;
  deps: ServiceDeps;
  store: LibsqlDocStore;
  close(): void;
}

/** A fresh database, migrated, with a framework and an organisation for projects to belong to. */
export async function openProjectionDb(): Promise<ProjectionDb> {
  const dir = mkdtempSync(joinPath(tmpdir(), 'jalon-projection-'));
  const database = await openDatabase(`file:${joinPath(dir, 'p.db')}`);
  await database.writable;
  await applyMigrations(database.db);
  // audited commits sign a checkpoint, as the server's do
  anchorAuditTrail(
    database.db,
    loadSigningKey(randomBytes(32)),
    { file: null, webhook: null },
    createLogger('silent'),
  );
  await database.db.insert(frameworks).values({
    id: 'fw',
    nameEn: 'fw',
    nameFr: 'fw',
    descriptionEn: '',
    descriptionFr: '',
  });
  await database.db.insert(organisations).values({ id: 'org', slug: 'org', name: 'Org', kind: 'startup' });
  const deps = {
    db: database.db,
    log: createLogger('silent'),
    clock: () => new Date(),
    events: new DomainEvents(),
    publicUrl: 'http://127.0.0.1:1',
  } as unknown as ServiceDeps;
  return {
    database,
    deps,
    store: new LibsqlDocStore(database.client),
    close() {
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let projects_ = 0;

/** A new project's row (its document starts empty). */
export async function newProject(db: ProjectionDb): Promise<string> {
  const id = `p${++projects_}`;
  await db.deps.db.insert(projects).values({ id, title: id, frameworkId: 'fw', leadOrganisationId: 'org' });
  return id;
}

export interface ProjectedRoom {
  room: DocRoom;
  projection: Projection;
}

/** A loaded room of `projectId`'s document, projecting into the database. */
export async function openProjectedRoom(db: ProjectionDb, projectId: string): Promise<ProjectedRoom> {
  const projection = createProjection(db.deps, projectId);
  const broadcast: Broadcast = (except, event, ...args) => {
    const skip = except === null ? [] : ([] as string[]).concat(except);
    for (const conn of room.connections.values()) if (!skip.includes(conn.id)) conn.send(event, ...args);
  };
  const room: DocRoom = new DocRoom(
    docName(projectId),
    projectId,
    db.store,
    broadcast,
    projection,
    createLogger('silent'),
    // no dormancy, no compaction during a test
    { ...DEFAULT_ROOM_OPTIONS, dormantAfterMs: 3_600_000, compactRows: 1_000_000 },
    NO_PEERS,
  );
  await room.load();
  return { room, projection };
}

/** The project's audit entries after `afterSeq`, in order. */
export function auditAfter(db: ProjectionDb, projectId: string, afterSeq = 0) {
  return db.deps.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.projectId, projectId))
    .orderBy(asc(auditEvents.seq))
    .then((rows) => rows.filter((r) => r.seq > afterSeq));
}

/** The highest audit entry's seq (0 if none). */
export async function lastSeq(db: ProjectionDb): Promise<number> {
  const [row] = await db.deps.db.select({ seq: max(auditEvents.seq) }).from(auditEvents);
  return row?.seq ?? 0;
}
