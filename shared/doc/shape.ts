/**
 * The shape of a project document, the live content of one project, shared by server and client.
 *
 * One Y.Doc per project, named `project:<projectId>` (id: `[A-Za-z0-9-]{1,64}`). Its only
 * top-level types are three Y.Maps of Y.Maps; nothing else may exist at the top level.
 *
 * milestones: Y.Map, key = milestone id (`[A-Za-z0-9_-]{1,64}`, crypto.randomUUID() by writers)
 *   title       Y.Text of plain text only (no embeds, no formatting), ≤ 1,200 chars  REQUIRED
 *               Writers write 1–300 chars, not blank; people type into it character
 *               by character, so concurrent edits merge instead of one overwriting the other.
 *               Legacy: a plain string, 1–300 chars, not blank (documents written before the
 *               Y.Text); readers accept it, and the first edit replaces it by a Y.Text in the
 *               same transaction. A merge of valid edits can leave a Y.Text title blank or
 *               over 300 chars (two people each delete half; two rewrite it offline): the
 *               server accepts that, since refusing would strand the second author's update,
 *               and readers show it trimmed, clipped to 300 chars, a blank one as
 *               BLANK_TITLE. Only plain text and the 1,200 cap (room for concurrent rewrites,
 *               a bound on abuse) are refused.
 *   status      'planned' | 'in_progress' | 'at_risk' | 'blocked' | 'done'    REQUIRED
 *   description Y.XmlFragment: rich text, ProseMirror/Tiptap document structure (elements
 *               with attributes, text with formatting marks). Read as plain text: block
 *               elements joined by '\n'. Writers write one `paragraph` per line.
 *   owner       user id string | null
 *   due         'YYYY-MM-DD' (a real calendar date) | null
 *   stage       integer 0–5 (DESIGN §2 stages)
 *   dimension   readiness dimension id | null
 *   dependsOn   Y.Array<string> of other milestone ids, never the milestone's own id. Ids
 *               of since-deleted milestones may linger after concurrent edits: readers drop them.
 *   order       fractional index string (see order.ts); readers sort by order, then id
 *   createdBy, updatedBy  user id strings;  createdAt, updatedAt  epoch ms integers
 *
 * readiness: Y.Map, key = dimension id (the nine of DimensionId)
 *   level       integer 1–9                                                   REQUIRED
 *   evidence    Y.Text of plain text only (no embeds, no formatting), ≤ 10,000 chars
 *   updatedBy   user id string;  updatedAt  epoch ms integer
 *
 * criteria: Y.Map, key = gate criterion id (`<framework>:<criterion key>`, ≤ 200 chars)
 *   checked     boolean                                                       REQUIRED
 *   evidence    string ≤ 2,000 chars (links, references)
 *   checkedBy   user id string | null;  checkedAt  epoch ms integer | null
 *
 * "Required" means: after every transaction, every entry present under a root has its
 * required keys with valid values. All other keys are optional (readers use a default), but
 * any key present must be known and valid. Entries are written whole, in one transaction, by
 * the writers, so concurrent clients never observe a partial entry; deleting an entry is always
 * valid. Concurrent creation of the same readiness/criterion key is last-writer-wins per entry.
 */
import { z } from 'zod';
import { DimensionId, MilestoneStatus, ReadinessLevel, Stage } from '../domain.ts';
import { isOrderKey } from './order.ts';

export const ROOTS = ['milestones', 'readiness', 'criteria'] as const;
export type RootName = (typeof ROOTS)[number];
export const isRootName = (name: string): name is RootName => (ROOTS as readonly string[]).includes(name);

export const LIMITS = {
  /** what writers write and readers show */
  title: 300,
  /** what a title's Y.Text may hold after concurrent edits merge (validation) */
  titleText: 1200,
  criterionEvidence: 2000,
  readinessEvidence: 10_000,
  /** writers only: the plain text written into a description */
  descriptionText: 20_000,
  dependencies: 200,
  userId: 128,
  /** nesting of elements inside a description (ProseMirror documents rarely exceed 10) */
  descriptionDepth: 24,
} as const;

// ── documents ────────────────────────────────────────────────────────────────────────

const DOC_PREFIX = 'project:';
const PROJECT_ID = /^[A-Za-z0-9-]{1,64}$/;

export const docName = (projectId: string): string => {
  if (!PROJECT_ID.test(projectId)) throw new Error(`"${projectId}" is not a valid project id`);
  return DOC_PREFIX + projectId;
};

/** The project id of a document name, or null for anything that is not `project:<id>`. */
export const parseDocName = (name: unknown): string | null => {
  if (typeof name !== 'string' || !name.startsWith(DOC_PREFIX)) return null;
  const id = name.slice(DOC_PREFIX.length);
  return PROJECT_ID.test(id) ? id : null;
};

// ── plain values ─────────────────────────────────────────────────────────────────────

export const MilestoneId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, "-" or "_"');
export const CriterionId = z
  .string()
  .regex(/^[A-Za-z0-9_.:/-]{1,200}$/, 'must be 1–200 letters, digits or "_.:/-"');
export const UserId = z.string().min(1).max(LIMITS.userId);
export const Title = z
  .string()
  .max(LIMITS.title, `must be at most ${LIMITS.title} characters`)
  .refine((s) => s.trim().length > 0, 'must not be blank');
/** How a title whose concurrent edits merged into blank reads (in either language). */
export const BLANK_TITLE = '—';
export const IsoDate = z.iso.date('must be a date YYYY-MM-DD');
export const EpochMs = z.number().int().nonnegative();
export const OrderKey = z.string().refine(isOrderKey, 'must be a fractional order key');
export const CriterionEvidence = z
  .string()
  .max(LIMITS.criterionEvidence, `must be at most ${LIMITS.criterionEvidence} characters`);

export const Milestone = z.object({
  id: MilestoneId,
  title: Title,
  description: z.string(),
  owner: UserId.nullable(),
  due: IsoDate.nullable(),
  status: MilestoneStatus,
  stage: Stage,
  dimension: DimensionId.nullable(),
  dependsOn: z.array(MilestoneId),
  order: z.string(),
  createdBy: UserId.nullable(),
  createdAt: EpochMs.nullable(),
  updatedBy: UserId.nullable(),
  updatedAt: EpochMs.nullable(),
});
export type Milestone = z.infer<typeof Milestone>;

export const ReadinessEntry = z.object({
  level: ReadinessLevel,
  evidence: z.string(),
  updatedBy: UserId.nullable(),
  updatedAt: EpochMs.nullable(),
});
export type ReadinessEntry = z.infer<typeof ReadinessEntry>;

export const CriterionCheck = z.object({
  checked: z.boolean(),
  evidence: CriterionEvidence,
  checkedBy: UserId.nullable(),
  checkedAt: EpochMs.nullable(),
});
export type CriterionCheck = z.infer<typeof CriterionCheck>;

// ── what each key of an entry holds ──────────────────────────────────────────────────

/** A primitive value (stored with `map.set`), or one of the nested Yjs types. */
export type FieldSpec =
  | { kind: 'value'; schema: z.ZodType }
  | { kind: 'dependsOn' } // Y.Array<string>
  /** Y.Text, plain text only, at most `max` chars; `legacy`: a plain value also accepted */
  | { kind: 'plainText'; max: number; legacy?: z.ZodType }
  | { kind: 'richText' }; // Y.XmlFragment

const value = (schema: z.ZodType): FieldSpec => ({ kind: 'value', schema });

export interface EntrySpec {
  key: z.ZodType;
  fields: Readonly<Record<string, FieldSpec>>;
  required: readonly string[];
}

export const ENTRY_SPECS: Readonly<Record<RootName, EntrySpec>> = {
  milestones: {
    key: MilestoneId,
    required: ['title', 'status'],
    fields: {
      title: { kind: 'plainText', max: LIMITS.titleText, legacy: Title },
      description: { kind: 'richText' },
      owner: value(UserId.nullable()),
      due: value(IsoDate.nullable()),
      status: value(MilestoneStatus),
      stage: value(Stage),
      dimension: value(DimensionId.nullable()),
      dependsOn: { kind: 'dependsOn' },
      order: value(OrderKey),
      createdBy: value(UserId),
      createdAt: value(EpochMs),
      updatedBy: value(UserId),
      updatedAt: value(EpochMs),
    },
  },
  readiness: {
    key: DimensionId,
    required: ['level'],
    fields: {
      level: value(ReadinessLevel),
      evidence: { kind: 'plainText', max: LIMITS.readinessEvidence },
      updatedBy: value(UserId),
      updatedAt: value(EpochMs),
    },
  },
  criteria: {
    key: CriterionId,
    required: ['checked'],
    fields: {
      checked: value(z.boolean()),
      evidence: value(CriterionEvidence),
      checkedBy: value(UserId.nullable()),
      checkedAt: value(EpochMs.nullable()),
    },
  },
};

/** "status: Invalid option…; title: must not be blank", for error messages. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/** `schema.parse` with an Error that names what was invalid and why. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`Invalid ${what}: ${describeZodError(parsed.error)}`);
  return parsed.data;
}
