/**
 * The open documents of this process: loads a room on first join (once, however many join at
 * the same moment), unloads it after it has been idle for a while.
 */
import type { Logger } from '../log.ts';
import type { DocRoom } from './doc-room.ts';

export const IDLE_UNLOAD_MS = 30_000;

export class DocRegistry {
  private readonly rooms = new Map<string, Promise<DocRoom>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly open: (docName: string) => Promise<DocRoom>,
    private readonly log: Logger,
    private readonly idleMs = IDLE_UNLOAD_MS,
  ) {}

  get(docName: string): Promise<DocRoom> {
    this.cancelUnload(docName);
    let room = this.rooms.get(docName);
    if (!room) {
      room = this.open(docName);
      this.rooms.set(docName, room);
      room.catch(() => this.rooms.delete(docName));
    }
    return room;
  }

  loadedNames(): string[] {
    return [...this.rooms.keys()];
  }

  /** Runs `fn` with the room once it is loaded, if it is loaded or loading; never loads it. */
  whenLoaded(docName: string, fn: (room: DocRoom) => void): void {
    void this.rooms
      .get(docName)
      ?.then(fn)
      .catch(() => undefined);
  }

  /** Every room loaded (or loading, once it is), leaving out those that failed to load. */
  async loaded(): Promise<DocRoom[]> {
    const rooms = await Promise.all([...this.rooms.values()].map((r) => r.catch(() => null)));
    return rooms.filter((r): r is DocRoom => r !== null);
  }

  /** Called when a room may have become empty. */
  releaseIfIdle(room: DocRoom): void {
    if (!room.isEmpty) return;
    this.cancelUnload(room.name);
    const timer = setTimeout(() => void this.unload(room.name), this.idleMs);
    timer.unref();
    this.idleTimers.set(room.name, timer);
  }

  private cancelUnload(docName: string) {
    const timer = this.idleTimers.get(docName);
    if (timer) clearTimeout(timer);
    this.idleTimers.delete(docName);
  }

  async unload(docName: string): Promise<void> {
    const pending = this.rooms.get(docName);
    if (!pending) return;
    const room = await pending.catch(() => null);
    if (room && !room.isEmpty) return;
    this.rooms.delete(docName);
    this.cancelUnload(docName);
    // close() frees the documents even when its flush fails
    await room?.close();
    this.log.debug({ doc: docName }, 'document unloaded');
  }

  async closeAll(): Promise<void> {
    await Promise.all(
      [...this.rooms.keys()].map(async (name) => {
        const room = await this.rooms.get(name)?.catch(() => null);
        this.rooms.delete(name);
        this.cancelUnload(name);
        await room?.close();
      }),
    );
  }
}
