/**
 * The benchmark's data, written before either server starts: the Jalon database (migrations,
 * frameworks, the demo cluster, then the bench projects with their documents and projection
 * rows, the way the demo seed writes them) and the Hocuspocus database (the same documents,
 * by the same names, as Hocuspocus's database extension stores them: one state per document).
 *
 * Projects (all led by real demo users; the cluster manager has view access to every one):
 *   team ×5, crowd ×1        20 milestones
 *   cold ×20                 a snapshot of 100 milestones + a log of 10,000 renames (~1.2 MB)
 *   storm ×1                 400 milestones with long descriptions (~1 MB of encoded state)
 *   idle ×1000               50 milestones
 *   browser ×1               300 milestones
 */
import { createClient } from '@libsql/client';
import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { anchorAuditTrail } from '../../server/audit/checkpoints.ts';
import { loadSigningKey } from '../../server/audit/signing-key.ts';
import { openDatabase } from '../../server/db/client.ts';
import { applyMigrations } from '../../server/db/migrate.ts';
import {
  docSnapshots,
  organisationMembers,
  projectMembers,
  projects,
  user,
} from '../../server/db/schema/index.ts';
import { seedDemo } from '../../server/db/seed/demo.ts';
import { seedFrameworks } from '../../server/db/seed/frameworks.ts';
import { commit, type Statement } from '../../server/db/writer.ts';
import { createLogger } from '../../server/log.ts';
import { flatten, markStatement, milestoneRowValues } from '../../server/milestones/projection-rows.ts';
import { docName, readProjectDoc, seedProjectDoc } from '../../shared/doc/index.ts';
import { dimensionIds, milestoneStatuses } from '../../shared/vocabularies.ts';

export const EMAILS = {
  lead: 'lead@demo.jalon',
  manager: 'manager@demo.jalon',
  idleLead: 'olivier.garnier@demo.jalon',
} as const;

export interface Template {
  /** Y.encodeStateAsUpdate of the document */
  state: Uint8Array;
  /** milestone ids in list order */
  milestoneIds: string[];
}

export interface Seeded {
  users: { lead: string; manager: string; idleLead: string };
  team: string[];
  /**
   * the create scenario's projects: one set of `team` size per round (and one for the floor),
   * so that every round starts from documents of 20 milestones, not from the last round's
   */
  create: string[][];
  crowd: string;
  cold: string[];
  storm: string;
  idle: string[];
  browser: string;
  /** milestone ids in list order, for the team, crowd and browser projects */
  milestoneIds: Record<string, string[]>;
  /** sizes of what was written, for the report */
  sizes: { coldLogBytes: number; coldLogRows: number; coldStateBytes: number; stormStateBytes: number };
}

export interface SeedCounts {
  team: number;
  cold: number;
  coldUpdates: number;
  idle: number;
  /** sets of `team` projects for the create scenario */
  createSets: number;
}

export const FULL_COUNTS: SeedCounts = { team: 5, cold: 20, coldUpdates: 10_000, idle: 1000, createSets: 0 };

const DAY_MS = 86_400_000;

/**
 * A document of `count` milestones. Only the browser project has late and at-risk milestones
 * (a room as people see it); the others are on track, so that the alert scan stays quiet.
 */
function template(
  count: number,
  by: string,
  description: (i: number) => string = () => '',
  realistic = false,
): Template {
  const doc = new Y.Doc();
  const today = Date.now();
  const onTrack = ['planned', 'in_progress', 'done'] as const;
  const ids = seedProjectDoc(doc, {
    milestones: Array.from({ length: count }, (_, i) => ({
      title: `Milestone ${i + 1}`,
      description: description(i),
      owner: by,
      due: new Date(today + ((i % 90) + (realistic ? -20 : 10)) * DAY_MS).toISOString().slice(0, 10),
      status: realistic ? milestoneStatuses[i % milestoneStatuses.length] : onTrack[i % onTrack.length],
      stage: i % 6,
      dimension: dimensionIds[i % dimensionIds.length],
      createdBy: by,
    })),
  });
  const milestoneIds = Array.from({ length: count }, (_, i) => ids.get(String(i))!);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return { state, milestoneIds };
}

const words =
  'assay binder vector potency dossier toxicology cohort endpoint biomarker protocol release stability'.split(
    ' ',
  );
const prose = (seed: number, chars: number) => {
  let s = '';
  for (let i = 0; s.length < chars; i++) s += `${words[(seed * 7 + i * 3) % words.length]} `;
  return s.slice(0, chars);
};

/**
 * A cold project: its base state and `updates` renames made one at a time (the title, who and
 * when, as the milestone writer sets them), each one update of the log.
 */
function coldLog(by: string, updates: number) {
  const base = template(100, by);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base.state);
  const log: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => log.push(u));
  const milestones = doc.getMap<Y.Map<unknown>>('milestones');
  for (let i = 0; i < updates; i++) {
    const m = milestones.get(base.milestoneIds[i % 100]!)!;
    doc.transact(() => {
      m.set('title', `Renamed ${i}: ${prose(i, 40)}`);
      m.set('updatedBy', by);
      m.set('updatedAt', Date.now());
    });
  }
  return { base, log, doc };
}

/** The seed of the audit signing key the benchmark's servers use. */
export const BENCH_AUDIT_SEED = Buffer.alloc(32, 7);

/** Writes both databases. `jalonUrl` and `hocusUrl` are file: URLs of fresh files. */
export async function seedDatabases(
  jalonUrl: string,
  hocusUrl: string,
  counts = FULL_COUNTS,
): Promise<Seeded> {
  const database = await openDatabase(jalonUrl);
  const { db, client } = database;
  await applyMigrations(db);
  await seedFrameworks(db);
  const clock = () => new Date();
  // the servers' key (lib.ts), so that the seeded chain verifies as theirs
  anchorAuditTrail(
    db,
    loadSigningKey(BENCH_AUDIT_SEED),
    { file: null, webhook: null },
    createLogger('silent'),
  );
  await seedDemo(db, clock);
  const idOf = async (email: string) => {
    const [row] = await db.select({ id: user.id }).from(user).where(eq(user.email, email)).limit(1);
    if (!row) throw new Error(`demo user ${email} missing`);
    return row.id;
  };
  const users = {
    lead: await idOf(EMAILS.lead),
    manager: await idOf(EMAILS.manager),
    idleLead: await idOf(EMAILS.idleLead),
  };
  const orgOf = async (userId: string) => {
    const [row] = await db
      .select({ id: organisationMembers.organisationId })
      .from(organisationMembers)
      .where(eq(organisationMembers.userId, userId))
      .limit(1);
    if (!row) throw new Error('demo user without organisation');
    return row.id;
  };
  const orgs = { lead: await orgOf(users.lead), idleLead: await orgOf(users.idleLead) };

  const hocus = createClient({ url: hocusUrl });
  await hocus.execute('PRAGMA journal_mode=WAL');
  await hocus.execute('CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, data BLOB NOT NULL)');
  const hocusRows: { name: string; data: Uint8Array }[] = [];
  const milestoneIds: Record<string, string[]> = {};
  const mark = (what: string) =>
    process.env.BENCH_DEBUG && console.log(`seed: ${what} at ${Math.round(performance.now())} ms`);

  const now = new Date();
  let serial = 0;
  /** statements creating one project (row, lead membership, snapshot, projection rows) */
  const projectStatements = (
    id: string,
    title: string,
    lead: 'lead' | 'idleLead',
    state: Uint8Array,
    doc: Y.Doc,
  ) => {
    const leadId = users[lead];
    const statements: Statement[] = [
      db.insert(projects).values({
        id,
        title,
        summary: 'A project of the benchmark.',
        frameworkId: 'therapeutics',
        stage: 1,
        leadOrganisationId: orgs[lead],
        listedInDirectory: false,
        archived: false,
        createdBy: leadId,
        createdAt: now,
        updatedAt: new Date(now.getTime() - 86_400_000 - serial++),
      }),
      db
        .insert(projectMembers)
        .values({ projectId: id, userId: leadId, role: 'lead', addedBy: null, addedAt: now }),
      db
        .insert(docSnapshots)
        .values({ docName: docName(id), data: Buffer.from(state), absorbed: 0, createdAt: now }),
      // As a running Jalon leaves it: the projection's rows reflect the document (its mark).
      markStatement(id, 0),
    ];
    const flat = flatten(readProjectDoc(doc));
    if (flat.readiness.size || flat.criteria.size) throw new Error('bench documents hold milestones only');
    return { statements, rows: milestoneRows(id, flat.milestones) };
  };

  /** The projection's milestone rows (as `rowStatements` writes them), in one plain INSERT. */
  const milestoneRows = (projectId: string, rows: Map<string, Record<string, unknown>>) => {
    const args = [...rows].flatMap(([id, e]) => milestoneRowValues(projectId, id, e));
    return {
      sql: `INSERT INTO milestones (id, project_id, title, description, owner_id, due, status, stage, dimension, depends_on, position, updated_by, updated_at) VALUES ${[...rows.keys()].map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      args,
    };
  };

  /** `n` projects, each with its own document (milestone ids are unique across projects). */
  const create = async (
    title: (i: number) => string,
    n: number,
    lead: 'lead' | 'idleLead',
    count: number,
    description?: (i: number) => string,
    keepIds = false,
    realistic = false,
  ): Promise<string[]> => {
    const ids: string[] = [];
    const CHUNK = 50;
    for (let start = 0; start < n; start += CHUNK) {
      const statements: Statement[] = [];
      const rows: { sql: string; args: (string | number | null)[] }[] = [];
      for (let i = start; i < Math.min(n, start + CHUNK); i++) {
        const id = crypto.randomUUID();
        const t = template(count, users[lead], description, realistic);
        const doc = new Y.Doc();
        Y.applyUpdate(doc, t.state);
        const p = projectStatements(id, title(i), lead, t.state, doc);
        statements.push(...p.statements);
        rows.push(p.rows);
        doc.destroy();
        ids.push(id);
        if (keepIds) milestoneIds[id] = t.milestoneIds;
        hocusRows.push({ name: docName(id), data: t.state });
      }
      await commit(db, statements);
      await client.batch(rows, 'write');
    }
    return ids;
  };

  mark('demo');
  const team = await create((i) => `Bench team ${i + 1}`, counts.team, 'lead', 20, undefined, true);
  const createSets: string[][] = [];
  for (let set = 0; set < counts.createSets; set++)
    createSets.push(await create((i) => `Bench create ${set + 1}.${i + 1}`, counts.team, 'lead', 20));
  const [crowd] = await create(() => 'Bench crowd', 1, 'lead', 20, undefined, true);
  const [stormId] = await create(
    () => 'Bench join storm',
    1,
    'lead',
    400,
    (i) => prose(i, 2500),
  );
  const [browserId] = await create(() => 'Bench browser room', 1, 'lead', 300, undefined, true, true);
  mark('small projects');

  // Cold projects: a base snapshot, then a log of renames; projection rows as of the last one.
  const coldIds: string[] = [];
  let coldLogBytes = 0;
  let coldStateBytes = 0;
  for (let c = 0; c < counts.cold; c++) {
    const id = crypto.randomUUID();
    const cold = coldLog(users.lead, counts.coldUpdates);
    const p = projectStatements(id, `Bench cold ${c + 1}`, 'lead', cold.base.state, cold.doc);
    await commit(db, p.statements);
    await client.batch([p.rows], 'write');
    const CHUNK = 2500;
    for (let start = 0; start < cold.log.length; start += CHUNK)
      await client.batch(
        cold.log.slice(start, start + CHUNK).map((data) => ({
          sql: 'INSERT INTO doc_updates (doc_name, data, user_id, created_at) VALUES (?, ?, ?, ?)',
          args: [docName(id), data, users.lead, now.getTime()],
        })),
        'write',
      );
    // The projection rows are as of the last rename: the mark is the last log row.
    await client.execute({
      sql: 'UPDATE doc_projection_marks SET upto = (SELECT max(id) FROM doc_updates WHERE doc_name = ?) WHERE doc_name = ?',
      args: [docName(id), docName(id)],
    });
    const finalState = Y.encodeStateAsUpdate(cold.doc);
    hocusRows.push({ name: docName(id), data: finalState });
    coldLogBytes = cold.base.state.byteLength + cold.log.reduce((n, u) => n + u.byteLength, 0);
    coldStateBytes = finalState.byteLength;
    cold.doc.destroy();
    coldIds.push(id);
  }
  mark('cold projects');
  const idle = await create((i) => `Bench idle ${i + 1}`, counts.idle, 'idleLead', 50);
  mark('idle projects');

  for (let start = 0; start < hocusRows.length; start += 500)
    await hocus.batch(
      hocusRows.slice(start, start + 500).map((r) => ({
        sql: 'INSERT INTO documents (name, data) VALUES (?, ?)',
        args: [r.name, r.data],
      })),
      'write',
    );
  // Both servers start from a database whose log (WAL) has been folded into the file: neither
  // pays for the seed's checkpoint during a scenario.
  for (const c of [hocus, database.client]) await c.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  hocus.close();
  database.close();
  const stormState = hocusRows.find((r) => r.name === docName(stormId!))!.data;

  return {
    users,
    team,
    create: createSets,
    crowd: crowd!,
    cold: coldIds,
    storm: stormId!,
    idle,
    browser: browserId!,
    milestoneIds,
    sizes: {
      coldLogBytes,
      coldLogRows: counts.coldUpdates,
      coldStateBytes,
      stormStateBytes: stormState.byteLength,
    },
  };
}
