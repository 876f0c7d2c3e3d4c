/** What verifying the audit trail reports (GET /api/audit/verify, npm run audit:verify). */
import { z } from 'zod';
import { IsoDate } from './common.ts';

/**
 * - `edited`: an entry's content does not match its own hash;
 * - `unlinked`: an entry does not chain to the one before it (inserted, reordered);
 * - `missing`: entries are absent from the sequence;
 * - `unparsable`: an entry's stored JSON no longer parses, so its hash cannot be recomputed;
 * - `rechained`: entries differ from what a signed checkpoint vouched for (an edit whose
 *   following hashes were recomputed lies in `seq`..`through`);
 * - `truncated`: a signed checkpoint vouches for entries past the chain's end;
 * - `unanchored`: entries after the last signed checkpoint (appended without the key);
 * - `bad_signature` / `unknown_key`: a checkpoint whose signature does not hold, or whose key
 *   is not the server's (`seq` is then the checkpoint's).
 */
export const ChainBreakKind = z.enum([
  'edited',
  'unlinked',
  'missing',
  'unparsable',
  'rechained',
  'truncated',
  'unanchored',
  'bad_signature',
  'unknown_key',
]);
export type ChainBreakKind = z.infer<typeof ChainBreakKind>;

export const ChainBreak = z.object({
  /** the first entry concerned */
  seq: z.number().int(),
  /** for a range of entries, the last one */
  through: z.number().int().optional(),
  kind: ChainBreakKind,
  /** what was found, in English, naming the entries */
  detail: z.string(),
});
export type ChainBreak = z.infer<typeof ChainBreak>;

export const ChainReport = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  /** every break found, in order of `seq`, at most MAX_REPORTED_BREAKS */
  breaks: z.array(ChainBreak),
  /** more breaks were found than `breaks` lists */
  moreBreaks: z.boolean(),
  /** the `seq` of the first break, or null */
  firstBrokenAt: z.number().int().nullable(),
  checkpoints: z.object({
    total: z.number().int(),
    /** signed by a known key and matching the chain */
    verified: z.number().int(),
    /** the verified checkpoint furthest along the chain */
    lastGood: z.object({ seq: z.number().int(), at: IsoDate }).nullable(),
  }),
});
export type ChainReport = z.infer<typeof ChainReport>;

export const MAX_REPORTED_BREAKS = 1000;
