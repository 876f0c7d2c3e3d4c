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
      throw new AppError('invalid_input', `Unknown partner organisation ${p.organisationId}`);
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
