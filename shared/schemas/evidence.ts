/**
 * Evidence files on gate criteria, readiness scores and milestones: items, their versions, the
 * download log, and the versions a gate decision was signed on.
 */
import { z } from 'zod';
import { Id, IsoDate, Person } from './common.ts';

export const evidenceTargetKinds = ['criterion', 'readiness', 'milestone'] as const;
export const EvidenceTargetKind = z.enum(evidenceTargetKinds);
export type EvidenceTargetKind = z.infer<typeof EvidenceTargetKind>;

/** The largest evidence file, in bytes (20 MB). */
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;
export const EVIDENCE_FILE_NAME_MAX = 200;

export const EvidenceVersion = z.object({
  id: Id,
  version: z.number().int().min(1),
  fileName: z.string(),
  size: z.number().int(),
  mimeType: z.string(),
  /** lowercase hex SHA-256 of the bytes */
  sha256: z.string(),
  uploadedBy: Person,
  uploadedAt: IsoDate,
});
export type EvidenceVersion = z.infer<typeof EvidenceVersion>;

export const EvidenceItem = z.object({
  id: Id,
  targetKind: EvidenceTargetKind,
  targetId: z.string(),
  teamOnly: z.boolean(),
  /** newest first */
  versions: z.array(EvidenceVersion),
});
export type EvidenceItem = z.infer<typeof EvidenceItem>;

export const EvidenceList = z.object({ items: z.array(EvidenceItem) });
export type EvidenceList = z.infer<typeof EvidenceList>;

export const EvidenceDownload = z.object({
  at: IsoDate,
  reader: Person,
  versionId: Id,
  version: z.number().int(),
  fileName: z.string(),
  targetKind: EvidenceTargetKind,
  targetId: z.string(),
});
export type EvidenceDownload = z.infer<typeof EvidenceDownload>;

export const EvidenceSettingsBody = z.object({ teamOnly: z.boolean() }).strict();

/** A version a gate decision was signed on. */
export const DecisionEvidence = z.object({
  criterionId: z.string(),
  itemId: Id,
  versionId: Id,
  version: z.number().int(),
  fileName: z.string(),
  sha256: z.string(),
  /** shown only to the project team (the gate view leaves it out for observers) */
  teamOnly: z.boolean(),
});
export type DecisionEvidence = z.infer<typeof DecisionEvidence>;
