/**
 * The live content of one project room as Solid state, and the writes the room makes to it.
 *
 * Reading stays cheap while others type (DESIGN: 300 milestones stay smooth): document changes
 * only mark what they touched, and the state is brought up to date once per animation frame.
 * A milestone is re-read alone when something inside it changed (`readMilestoneById`), and the
 * list is reconciled by id so that unchanged cards keep their DOM. Readiness and criteria are
 * read whole (a few dozen entries, not the milestones), at most every MATURATION_MS.
 *
 * Until the document is there (no device copy yet, the server's on its way), the room may show
 * the project's milestones as last projected on the server (`showProjected`): the same board,
 * read-only (`preview`), replaced in place by the document's own milestones once it arrives.
 *
 * Every write goes through the shared/doc writers with this tab's origin (undoable by this tab
 * only) and the signed-in user as actor. A write the writers refuse (a blank title, say) leaves
 * the document untouched and is reported in `writeError`.
 */
import { batch } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import {
  type CriterionCheckInput,
  compareByOrder,
  createMilestone,
  deleteMilestone,
  type MilestoneInput,
  type MilestonePatch,
  type MoveTarget,
  makeTitleText,
  moveMilestone,
  projectRoots,
  readMaturation,
  readMilestoneById,
  setCriterionCheck,
  setReadinessEvidence,
  setReadinessLevel,
  typeMilestoneTitle,
  updateMilestone,
} from '../../../../shared/doc/index.ts';
import type { CriterionCheck, Milestone, ReadinessEntry } from '../../../../shared/doc/shape.ts';
import type { DimensionId, MilestoneStatus } from '../../../../shared/domain.ts';
import type { Access, DocProvider, ProviderError, SaveState } from '../../../realtime/provider.ts';
import { type PresenceEntry, presenceList } from './presence.ts';
import { createUndoStore } from './undo-store.ts';

export type ProviderLike = Pick<DocProvider, 'state' | 'access' | 'synced' | 'on'> &
  Partial<Pick<DocProvider, 'refusal'>>;

/** What the store needs of an open document (a DocSession, or a test's fake). */
export interface RoomSession {
  doc: Y.Doc;
  provider: ProviderLike;
  awareness: Awareness;
  origin: object;
  whenLoaded: Promise<void>;
}

export interface RoomState {
  /** the device copy has loaded (or could not be) */
  deviceLoaded: boolean;
  /** the server's content has arrived at least once */
  synced: boolean;
  /** the milestones are the server's projected rows, shown until the document has its own */
  preview: boolean;
  milestones: Milestone[];
  readiness: Partial<Record<DimensionId, ReadinessEntry>>;
  criteria: Record<string, CriterionCheck>;
  save: SaveState;
  /** undefined until the server has answered the join */
  access: Access | null | undefined;
  /** had access, then lost it (removed from the project) */
  revoked: boolean;
  /** the server refused to open the document */
  refused: ProviderError | null;
  /** the server refused a change (it is dropped) */
  rejected: ProviderError | null;
  writeError: string | null;
  presence: PresenceEntry[];
}

const MATURATION_MS = 250;

export interface RoomStoreOptions {
  /** runs `fn` before the next paint (tests pass a synchronous or manual scheduler) */
  schedule?: (fn: () => void) => void;
  now?: () => number;
  collator?: Intl.Collator;
}

const defaultSchedule = (fn: () => void) =>
  typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => fn()) : setTimeout(fn, 16);

export function createRoomStore(session: RoomSession, me: { id: string }, options: RoomStoreOptions = {}) {
  const { doc, provider, awareness, origin } = session;
  const schedule = options.schedule ?? defaultSchedule;
  const now = options.now ?? (() => performance.now());
  const roots = projectRoots(doc);
  const history = createUndoStore([roots.milestones, roots.readiness, roots.criteria], [origin]);

  const [state, setState] = createStore<RoomState>({
    deviceLoaded: false,
    synced: provider.synced,
    preview: false,
    milestones: [],
    readiness: {},
    criteria: {},
    save: provider.state,
    // The document may have been opened before the room (doc-session's prepareProjectDoc):
    // whatever the server already answered counts.
    access: provider.refusal ? null : (provider.access ?? undefined),
    revoked: false,
    refused: provider.refusal ?? null,
    rejected: null,
    writeError: null,
    presence: [],
  });

  // ── reading ──────────────────────────────────────────────────────────────────────
  const cache = new Map<string, Milestone>();
  const dirty = new Set<string>();
  let maturationDirty = true;
  let lastMaturationRead = Number.NEGATIVE_INFINITY;
  let frameRequested = false;
  let maturationTimer: ReturnType<typeof setTimeout> | null = null;
  let destroyed = false;

  const request = () => {
    if (frameRequested || destroyed) return;
    frameRequested = true;
    schedule(flush);
  };

  function flush() {
    frameRequested = false;
    if (destroyed) return;
    batch(() => {
      if (dirty.size) {
        for (const id of dirty) {
          const m = readMilestoneById(doc, id);
          if (m) cache.set(id, m);
          else cache.delete(id);
        }
        dirty.clear();
        showDocMilestones();
      }
      if (maturationDirty) refreshMaturation();
    });
  }

  /** The document's milestones replace what was shown (the projected rows included), by id. */
  function showDocMilestones() {
    setState('milestones', reconcile([...cache.values()].sort(compareByOrder), { key: 'id' }));
    if (state.preview && (cache.size > 0 || state.synced)) setState('preview', false);
  }

  function refreshMaturation() {
    const wait = lastMaturationRead + MATURATION_MS - now();
    if (wait > 0) {
      maturationTimer ??= setTimeout(() => {
        maturationTimer = null;
        request();
      }, wait);
      return;
    }
    maturationDirty = false;
    lastMaturationRead = now();
    const { readiness, criteria } = readMaturation(doc);
    setState('readiness', reconcile(readiness));
    setState('criteria', reconcile(criteria));
  }

  const onMilestones = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    for (const event of events) {
      if (event.target === roots.milestones) for (const key of event.changes.keys.keys()) dirty.add(key);
      else if (typeof event.path[0] === 'string') dirty.add(event.path[0]);
    }
    request();
  };
  const onMaturation = () => {
    maturationDirty = true;
    request();
  };
  roots.milestones.observeDeep(onMilestones);
  roots.readiness.observeDeep(onMaturation);
  roots.criteria.observeDeep(onMaturation);
  for (const id of roots.milestones.keys()) dirty.add(id);
  request();

  // ── the provider and presence ───────────────────────────────────────────────────
  const offs = [
    provider.on('state', (save) => setState('save', save)),
    // The server's content and the word that it is there land together, in this task: the
    // room never draws "no milestones yet" for the frame between them.
    provider.on('synced', () =>
      batch(() => {
        flush();
        setState('synced', true);
        // An empty document ends the preview too.
        if (state.preview) showDocMilestones();
      }),
    ),
    provider.on('access', (access) =>
      setState((s) => ({ access, revoked: s.revoked || (access === null && !!s.access) })),
    ),
    provider.on('error', (error) => {
      if (state.access === undefined) setState('refused', error);
      else setState('rejected', error);
    }),
  ];
  const refreshPresence = () =>
    setState(
      'presence',
      reconcile(presenceList(awareness.getStates(), { userId: me.id }, options.collator), { key: 'userId' }),
    );
  awareness.on('change', refreshPresence);
  refreshPresence();
  void session.whenLoaded.then(() => setState('deviceLoaded', true));

  // ── writing ──────────────────────────────────────────────────────────────────────
  /**
   * Edits are offered to edit access only; this also holds while the answer is awaited. None
   * while the projected rows are shown: the document they would change is not there yet.
   */
  const mayWrite = () =>
    !state.revoked && !state.preview && (state.access === undefined || state.access === 'edit');

  function write<T>(discrete: boolean, fn: () => T): T | null {
    if (!mayWrite()) return null;
    if (discrete) history[1].stopCapturing();
    try {
      const result = fn();
      if (state.writeError) setState('writeError', null);
      return result;
    } catch (err) {
      console.warn('change not applied', err);
      setState('writeError', err instanceof Error ? err.message : String(err));
      return null;
    } finally {
      if (discrete) history[1].stopCapturing();
    }
  }

  const actions = {
    mayWrite,
    history,
    /** the new milestone's id, or null if it was refused */
    createMilestone: (input: MilestoneInput) => write(true, () => createMilestone(doc, input, me.id, origin)),
    /** `discrete: false` for typing, so that a burst of keystrokes undoes as one */
    updateMilestone: (id: string, patch: MilestonePatch, discrete = true) =>
      write(discrete, () => updateMilestone(doc, id, patch, me.id, origin)),
    /** the title as typed so far (a keystroke: a burst of them undoes as one) */
    typeTitle: (id: string, title: string) =>
      write(false, () => typeMilestoneTitle(doc, id, title, me.id, origin)),
    /** a legacy string title becomes text that people type into together, before anyone does */
    makeTitleText: (id: string) => write(true, () => makeTitleText(doc, id, origin)),
    /** a new status and, optionally, a place among the others, as one change */
    setStatus: (id: string, status: MilestoneStatus, target: MoveTarget | null = null) =>
      write(true, () =>
        doc.transact(() => {
          updateMilestone(doc, id, { status }, me.id, origin);
          if (target) moveMilestone(doc, id, target, me.id, origin);
        }, origin),
      ),
    moveMilestone: (id: string, target: MoveTarget) =>
      write(true, () => moveMilestone(doc, id, target, me.id, origin)),
    deleteMilestone: (id: string) => write(true, () => deleteMilestone(doc, id, origin)),
    setLevel: (dimension: DimensionId, level: number) =>
      write(true, () => setReadinessLevel(doc, dimension, level, me.id, origin)),
    setEvidence: (dimension: DimensionId, text: string) =>
      write(false, () => setReadinessEvidence(doc, dimension, text, me.id, origin)),
    setCriterion: (criterionId: string, check: CriterionCheckInput) =>
      write(true, () => setCriterionCheck(doc, criterionId, check, me.id, origin)),
    undo: () => mayWrite() && history[1].undo(),
    redo: () => mayWrite() && history[1].redo(),
    /** tells the others which milestone this tab has open for editing (null: none) */
    setEditing(milestoneId: string | null) {
      const current = awareness.getLocalState() as { editing?: unknown } | null;
      if (current && (current.editing ?? null) !== milestoneId)
        awareness.setLocalStateField('editing', milestoneId);
    },
    clearErrors: () => setState({ writeError: null, rejected: null }),
    /**
     * Shows the project's milestones as last projected on the server, in board order, while
     * neither the server's document nor a device copy with content is there: ignored after.
     */
    showProjected(milestones: readonly Milestone[]) {
      if (destroyed || state.synced || roots.milestones.size > 0 || cache.size > 0) return;
      batch(() => {
        setState('milestones', reconcile([...milestones], { key: 'id' }));
        setState('preview', true);
      });
    },
    destroy() {
      destroyed = true;
      if (maturationTimer) clearTimeout(maturationTimer);
      roots.milestones.unobserveDeep(onMilestones);
      roots.readiness.unobserveDeep(onMaturation);
      roots.criteria.unobserveDeep(onMaturation);
      awareness.off('change', refreshPresence);
      for (const off of offs) off();
      history[1].destroy();
    },
  };
  return [state, actions] as const;
}

export type RoomStore = ReturnType<typeof createRoomStore>;
