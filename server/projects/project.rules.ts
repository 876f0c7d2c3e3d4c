/** Pure rules about projects. */
import { AppError } from '../errors.ts';

export function checkPartners(
  leadOrganisationId: string,
  partners: { organisationId: string }[],
  existing: Set<string>,
): void {
  const seen = new Set<string>();
  for (const p of partners) {
    if (!existing.has(p.organisationId))
      throw new AppError('invalid_input', `Unknown or deactivated partner organisation ${p.organisationId}`);
    if (p.organisationId === leadOrganisationId)
      throw new AppError('invalid_input', 'The lead organisation cannot also be a partner');
    if (seen.has(p.organisationId))
      throw new AppError('invalid_input', 'A partner organisation is listed twice');
    seen.add(p.organisationId);
  }
}

/** A project always keeps at least one lead. */
export function checkKeepsALead(leadsBefore: number, removingALead: boolean): void {
  if (removingALead && leadsBefore <= 1)
    throw new AppError('conflict', 'A project must keep at least one lead: name another lead first');
}

/**
 * A new project's first members: each address once, and not the person starting it (who joins
 * as its lead already). Checked before the project is written, so a refusal writes nothing.
 */
export function checkFirstMembers(members: { email: string }[], creatorEmail: string | null): void {
  const seen = new Set<string>();
  for (const m of members) {
    const email = m.email.toLowerCase();
    if (seen.has(email))
      throw new AppError('invalid_input', `${m.email} is listed twice among the first members`);
    seen.add(email);
    if (creatorEmail !== null && email === creatorEmail.toLowerCase())
      throw new AppError(
        'invalid_input',
        'You join as the project’s lead: do not list yourself among the first members',
      );
  }
}

/** A project's level is one of its track's levels (the framework version it runs under). */
export function checkTrackLevel(level: number, trackLevels: readonly number[]): void {
  if (!trackLevels.includes(level)) {
    const lo = Math.min(...trackLevels);
    const hi = Math.max(...trackLevels);
    throw new AppError('invalid_input', `The level must be one of the track's levels, from ${lo} to ${hi}`, [
      { path: 'level', message: `expected a level from ${lo} to ${hi}` },
    ]);
  }
}
