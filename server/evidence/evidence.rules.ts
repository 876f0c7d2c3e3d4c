/**
 * Who may do what with evidence files, and what a file name may be: pure, in one place.
 *
 * Evidence follows the project's confidentiality through the access layer (server/auth/access.ts):
 * who may see the project may list and download its files, who may edit its document
 * (`doc.edit`: lead and contributors) may upload. A "team only" file is read by the project's
 * team, the same audience as team comments (`comment.read_team`: lead, contributors, mentors and
 * the programme office); observers, such as an industrial partner's people, neither see it
 * listed nor download it. The download log is the lead's and the programme office's.
 */
import { can, type Role } from '../../shared/permissions.ts';
import { EVIDENCE_FILE_NAME_MAX } from '../../shared/schemas/evidence.ts';
import type { GateReview } from '../../shared/schemas/gates.ts';
import { AppError } from '../errors.ts';

/** The action that uploads evidence, and changes who may read a file. */
export const UPLOAD_ACTION = 'doc.edit' as const;

export function maySeeTeamOnly(roles: readonly Role[]): boolean {
  return can(roles, 'comment.read_team');
}

/** May these roles read this item? A team-only item is invisible, not forbidden, to the others. */
export function maySeeItem(roles: readonly Role[], item: { teamOnly: boolean }): boolean {
  return can(roles, 'project.view') && (!item.teamOnly || maySeeTeamOnly(roles));
}

export function mayReadDownloadLog(roles: readonly Role[]): boolean {
  return roles.includes('lead') || roles.includes('cluster_manager');
}

/**
 * The name a file is listed and downloaded under: its last path segment, without control
 * characters, at most EVIDENCE_FILE_NAME_MAX characters. Refused when nothing is left.
 */
export function cleanFileName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const name = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (!name)
    throw new AppError('invalid_input', 'name: give the file’s name', [
      { path: 'name', message: 'required' },
    ]);
  if ([...name].length > EVIDENCE_FILE_NAME_MAX)
    throw new AppError('invalid_input', `name: at most ${EVIDENCE_FILE_NAME_MAX} characters`, [
      { path: 'name', message: `at most ${EVIDENCE_FILE_NAME_MAX} characters` },
    ]);
  return name;
}

/** The name a download is saved under: the listed name, with the detected type's extension. */
export function downloadName(fileName: string, extension: string): string {
  const stem = fileName.replace(/\.[^.]*$/, '') || 'evidence';
  return `${stem}.${extension}`;
}

/** Gate reviews as someone outside the team reads them: the decisions' team-only files left out. */
export function withoutTeamOnlyEvidence(reviews: GateReview[]): GateReview[] {
  return reviews.map((r) =>
    r.decision
      ? { ...r, decision: { ...r.decision, evidence: r.decision.evidence.filter((e) => !e.teamOnly) } }
      : r,
  );
}
