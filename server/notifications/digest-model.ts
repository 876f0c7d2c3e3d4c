/**
 * What a weekly digest holds, as built from the audit trail (digest.ts) and rendered as a mail
 * (digest-html.ts): kept apart so that neither imports the other for it.
 */
import type { Locale } from '../../shared/domain.ts';

export type Audience = 'team' | 'observer';

export interface DigestItem {
  at: Date;
  by: string | null;
}
export interface DigestProject {
  id: string;
  title: string;
  audience: Audience;
  stage: (DigestItem & { from: number; to: number })[];
  readiness: (DigestItem & { dimension: string; from: number | null; to: number | null })[];
  milestones: (DigestItem & {
    title: string;
    change: 'created' | 'deleted' | 'status';
    from?: string;
    to?: string;
  })[];
  comments: (DigestItem & { milestone: string; excerpt: string })[];
  gates: (DigestItem & { change: 'requested' | 'decided'; outcome?: string })[];
}

export interface DigestModel {
  week: string;
  from: Date;
  to: Date;
  locale: Locale;
  userName: string;
  /** readiness dimension names in the digest's language */
  dimensionNames: Map<string, string>;
  projects: DigestProject[];
  changes: number;
}
