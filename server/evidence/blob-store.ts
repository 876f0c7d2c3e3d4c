/**
 * Where evidence bytes live, by the SHA-256 of their content. libSQL holds them by default
 * (`evidence_blobs`); an S3-compatible object store can implement the same three calls later
 * (a key per hash, `put` a conditional write, `has` a HEAD), and nothing else in Jalon reads
 * the bytes. Metadata (items, versions, who uploaded, the download log) stays in the database
 * whatever the store.
 *
 * `put` comes before the version row that refers to it and is idempotent: the same bytes twice
 * are stored once. A version that then fails to commit leaves an unreferenced blob, which holds
 * nothing anyone can reach (every download goes through a version).
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { evidenceBlobs } from '../db/schema/index.ts';
import { commit } from '../db/writer.ts';

export interface StoredBlob {
  sha256: string;
  size: number;
  mimeType: string;
}

export interface BlobStore {
  /** stores the bytes under their hash; a no-op when that hash is already stored */
  put(blob: StoredBlob, bytes: Uint8Array, at: Date): Promise<void>;
  get(sha256: string): Promise<Uint8Array | null>;
  has(sha256: string): Promise<boolean>;
}

export function libsqlBlobStore(db: Db): BlobStore {
  return {
    async put(blob, bytes, at) {
      await commit(db, [
        db
          .insert(evidenceBlobs)
          .values({ ...blob, bytes: Buffer.from(bytes), createdAt: at })
          .onConflictDoNothing({ target: evidenceBlobs.sha256 }),
      ]);
    },
    async get(sha256) {
      const [row] = await db
        .select({ bytes: evidenceBlobs.bytes })
        .from(evidenceBlobs)
        .where(eq(evidenceBlobs.sha256, sha256))
        .limit(1);
      return row ? new Uint8Array(row.bytes) : null;
    },
    async has(sha256) {
      const rows = await db
        .select({ sha256: evidenceBlobs.sha256 })
        .from(evidenceBlobs)
        .where(eq(evidenceBlobs.sha256, sha256))
        .limit(1);
      return rows.length > 0;
    },
  };
}
