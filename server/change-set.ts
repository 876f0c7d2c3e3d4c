/**
 * One use case's change: the rows it writes, the audit entries that record them, the
 * notifications they cause, and the events that tell the rest of the server. The rows, the
 * audit entries and the notification rows are committed in one atomic batch; the notifications
 * are announced and the events emitted only once it is committed, never for a write that did not
 * happen.
 *
 *   const changes = new ChangeSet(deps, { at: now, actor, projectId });
 *   changes
 *     .guarded(db.update(gateReviews).set({ status: 'decided' }).where(isOpen), 'This gate was decided meanwhile')
 *     .write(db.insert(gateDecisions).values(decision))
 *     .audit({ entity: 'gate_decision', entityId: decision.id, action: 'create', after })
 *     .notify(await gateDecidedNotifications(deps, actor, project, reviewId, outcome))
 *     .emit('gate.changed', { projectId, reviewId });
 *   await changes.commit();
 *
 * A guarded write names the state it expects in its WHERE (a status still `open`, a request
 * still `in_review`). If another request got there first it changes no row, and then nothing of
 * the change set happens: the batch aborts (see `guardStatement` in server/db/writer.ts), and
 * `commit` throws a conflict (409) with the guard's message.
 */
import type { Action } from '../shared/permissions.ts';
import type { AuditEntry } from './audit/audit-chain.ts';
import { type AuditedCommitOptions, commitAudited } from './audit/audited-commit.ts';
import type { Db } from './db/client.ts';
import { BatchError } from './db/write-connection.ts';
import { GUARD_FAILED, guardStatement, type Statement } from './db/writer.ts';
import { conflict } from './errors.ts';
import type { DomainEventMap, DomainEvents } from './events.ts';
import { activityStatement } from './projects/project-activity.ts';

export interface ChangeSetDeps {
  db: Db;
  events: DomainEvents;
}

/** What every audit entry of the change set shares (each entry may still set its own). */
export interface ChangeContext {
  at: Date;
  /** who acts: null for the system */
  actor: { id: string; organisationId: string | null } | null;
  projectId: string | null;
}

/** An audit entry: what it records; the context fills in when, who and which project. */
export type AuditInput = Pick<AuditEntry, 'entity' | 'entityId' | 'action'> & Partial<AuditEntry>;

/** Notifications prepared for the batch (server/notifications/notify.ts). */
export interface PendingNotifications {
  statements: Statement[];
  publish(): void;
}

export class ChangeSet {
  readonly #deps: ChangeSetDeps;
  readonly #context: ChangeContext;
  readonly #statements: Statement[] = [];
  /** the conflict message of each guard, by the guard statement's index in the batch */
  readonly #guards = new Map<number, string>();
  readonly #audit: AuditEntry[] = [];
  readonly #notifications: PendingNotifications[] = [];
  readonly #afterCommit: (() => Promise<void>)[] = [];
  readonly #events: (() => void)[] = [];
  #checkpoint: AuditedCommitOptions['checkpoint'] = 'commit';
  #committed = false;

  constructor(deps: ChangeSetDeps, context: ChangeContext) {
    this.#deps = deps;
    this.#context = context;
  }

  /** Rows to write, in order. */
  write(...statements: Statement[]): this {
    this.#statements.push(...statements);
    return this;
  }

  /**
   * A write that must change at least one row, or the whole change set is off: `commit` then
   * throws a conflict with `conflictMessage` (say what changed meanwhile and what to do).
   */
  guarded(statement: Statement, conflictMessage: string): this {
    this.#statements.push(statement);
    this.#guards.set(this.#statements.length, conflictMessage);
    this.#statements.push(guardStatement);
    return this;
  }

  audit(entry: AuditInput): this {
    const { at, actor, projectId } = this.#context;
    this.#audit.push({
      at,
      actorId: actor?.id ?? null,
      actorOrganisationId: actor?.organisationId ?? null,
      projectId,
      field: null,
      before: null,
      after: null,
      reason: null,
      ...entry,
    });
    return this;
  }

  /**
   * `gate`: the signed checkpoint of this change's audit entries is also exported beyond the
   * database (docs/audit.md, "Checkpoints"), for a decision others rely on.
   */
  checkpoint(kind: 'gate'): this {
    this.#checkpoint = kind;
    return this;
  }

  /** Notification rows, stored in the batch and announced after it. */
  notify(prepared: PendingNotifications): this {
    this.#notifications.push(prepared);
    return this;
  }

  /**
   * The change is the project's latest activity for those whose roles allow `readableWith`
   * (`project.view`: every viewer; server/projects/project-activity.ts): recorded in the batch,
   * and their portfolios told once it is committed.
   */
  activity(readableWith: Action): this {
    const { projectId, at } = this.#context;
    if (!projectId) throw new Error('Only a change on a project is activity on it');
    this.#statements.push(activityStatement(this.#deps.db, projectId, readableWith, at));
    return this.emit('project.changed', { projectId, contentOnly: true, readableWith });
  }

  /** A domain event, emitted once the batch is committed (and the follow-ups are done). */
  emit<K extends keyof DomainEventMap>(name: K, ...args: DomainEventMap[K]): this {
    const events = this.#deps.events as { emit(name: K, ...args: DomainEventMap[K]): boolean };
    this.#events.push(() => events.emit(name, ...args));
    return this;
  }

  /**
   * Work that needs the committed rows (a document change, a second change set), run in order
   * after the commit and before the events are emitted, so that listeners see its result too.
   */
  afterCommit(step: () => Promise<void>): this {
    this.#afterCommit.push(step);
    return this;
  }

  /** Commits, then announces the notifications, runs the follow-ups and emits the events. */
  async commit(): Promise<void> {
    if (this.#committed) throw new Error('This change set is already committed');
    this.#committed = true;
    const statements = [...this.#statements, ...this.#notifications.flatMap((n) => n.statements)];
    try {
      await commitAudited(this.#deps.db, statements, this.#audit, { checkpoint: this.#checkpoint });
    } catch (err) {
      throw this.#guardConflict(err) ?? err;
    }
    for (const n of this.#notifications) n.publish();
    for (const step of this.#afterCommit) await step();
    for (const emit of this.#events) emit();
  }

  #guardConflict(err: unknown) {
    if (!(err instanceof BatchError) || !err.message.includes(GUARD_FAILED)) return null;
    const message =
      (err.statementIndex !== null && this.#guards.get(err.statementIndex)) ||
      this.#guards.values().next().value ||
      'This changed meanwhile: reload and try again';
    return conflict(message);
  }
}
