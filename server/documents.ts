/**
 * How services read and change a project's live document without knowing about sockets: the
 * realtime layer provides the implementation (through the open room, so that connected
 * clients see server-made changes live and every change is committed to the update log).
 */
import type * as Y from 'yjs';

export interface ProjectDocuments {
  /** a private copy of the document as it stands now */
  read(projectId: string): Promise<Y.Doc>;
  /** makes a change as `actorId`; resolves once it is committed */
  change(projectId: string, actorId: string | null, change: (doc: Y.Doc) => void): Promise<void>;
}

/** Bound once the realtime layer exists (it needs the HTTP server; services exist before it). */
export class DeferredDocuments implements ProjectDocuments {
  private target: ProjectDocuments | null = null;
  bind(target: ProjectDocuments) {
    this.target = target;
  }
  private get impl(): ProjectDocuments {
    if (!this.target) throw new Error('Project documents are not available yet');
    return this.target;
  }
  read(projectId: string) {
    return this.impl.read(projectId);
  }
  change(projectId: string, actorId: string | null, change: (doc: Y.Doc) => void) {
    return this.impl.change(projectId, actorId, change);
  }
}
