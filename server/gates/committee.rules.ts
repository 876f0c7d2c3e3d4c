/**
 * Pure rules of a gate committee: who may act on the review, whether a quorum is reached, who
 * still has to sign. The services read the committee (committee.ts) and ask here.
 */
export interface CommitteeMemberState {
  userId: string;
  name: string;
  kind: 'manager' | 'external';
  chair: boolean;
  /** names of the project's organisations this member declared a conflict of interest with */
  excludedFor: string[];
  signedAt: Date | null;
  recommended: boolean;
}

export interface CommitteeState {
  chairId: string;
  quorum: number;
  deadline: Date;
  signing: 'chair' | 'all';
  members: CommitteeMemberState[];
}

export const excludedText = (orgs: string[]) => `excluded: conflict of interest with ${orgs.join(', ')}`;

/** Why this person may not recommend or sign on this committee now; null when they may. */
export function committeeRefusal(
  committee: CommitteeState,
  userId: string,
  now: Date,
  act: 'recommend' | 'sign',
): string | null {
  const member = committee.members.find((m) => m.userId === userId);
  if (!member) return 'You are not on this gate’s committee';
  if (member.excludedFor.length)
    return `You are ${excludedText(member.excludedFor)}: you may not ${act} on this gate`;
  if (now > committee.deadline)
    return `The committee’s deadline (${committee.deadline.toISOString().slice(0, 16).replace('T', ' ')} UTC) has passed`;
  if (act === 'sign' && committee.signing === 'chair' && !member.chair)
    return 'The chair signs this gate’s decision';
  return null;
}

/** The members who take part: not excluded by a conflict of interest. */
export const eligibleMembers = (committee: CommitteeState) =>
  committee.members.filter((m) => m.excludedFor.length === 0);

export const recommendationsCounted = (committee: CommitteeState) =>
  eligibleMembers(committee).filter((m) => m.recommended).length;

/** The refusal when the quorum is not reached; null when it is. */
export function quorumShortfall(committee: CommitteeState): string | null {
  const counted = recommendationsCounted(committee);
  return counted >= committee.quorum
    ? null
    : `Quorum not reached: ${counted} of the ${committee.quorum} recommendations needed from members not excluded. The decision cannot be recorded yet`;
}

/** Who must still sign for the decision to take effect. */
export function stillToSign(committee: CommitteeState): CommitteeMemberState[] {
  if (committee.signing === 'chair') return committee.members.filter((m) => m.chair && !m.signedAt);
  return eligibleMembers(committee).filter((m) => !m.signedAt);
}
