/**
 * Pure decisions about invitations: where one stands, whether it may be sent again, and which
 * closed ones the inviter still sees. No database here: tables of cases test these.
 */
import {
  INVITATION_DAYS,
  INVITATION_MAX_SENDS,
  type InvitationStatus,
} from '../../shared/schemas/members.ts';
import { AppError } from '../errors.ts';

const DAY = 86_400_000;

/** How long a closed invitation stays in the inviter's list. */
export const INVITATION_HISTORY_DAYS = 30;

export interface InvitationState {
  expiresAt: Date;
  acceptedAt: Date | null;
  declinedAt: Date | null;
  revokedAt: Date | null;
  sendCount: number;
}

export function invitationStatus(inv: InvitationState, now: Date): InvitationStatus {
  if (inv.acceptedAt) return 'accepted';
  if (inv.declinedAt) return 'declined';
  if (inv.revokedAt) return 'withdrawn';
  return inv.expiresAt <= now ? 'expired' : 'pending';
}

/** When a link sent at `sentAt` stops working. */
export const invitationExpiry = (sentAt: Date) => new Date(sentAt.getTime() + INVITATION_DAYS * DAY);

/** The earliest moment a closed invitation must have closed at to still be listed. */
export const historyCutoff = (now: Date) => new Date(now.getTime() - INVITATION_HISTORY_DAYS * DAY);

/** Why a link cannot be used, in the words its holder reads (every state but `pending`). */
const unusable: Record<Exclude<InvitationStatus, 'pending'>, string> = {
  accepted: 'This invitation was already used',
  declined: 'This invitation was declined',
  expired: 'This invitation has expired; ask for a new one',
  withdrawn: 'This invitation was withdrawn',
};

/** Refuses a link that is not open. */
export function checkUsable(inv: InvitationState, now: Date): void {
  const status = invitationStatus(inv, now);
  if (status !== 'pending') throw new AppError('not_found', unusable[status]);
}

/**
 * A resend replaces the link and restarts the expiry: for an invitation still unanswered (open,
 * or expired without an answer), and at most INVITATION_MAX_SENDS times in all, so that an
 * address cannot be flooded from one invitation.
 */
export function checkResendable(inv: InvitationState, now: Date): void {
  const status = invitationStatus(inv, now);
  if (status === 'accepted' || status === 'declined' || status === 'withdrawn')
    throw new AppError('conflict', `This invitation was ${status}: it cannot be sent again`);
  if (inv.sendCount >= INVITATION_MAX_SENDS)
    throw new AppError(
      'rate_limited',
      `This invitation was already sent ${INVITATION_MAX_SENDS} times, the most for one invitation; withdraw it and invite again if needed`,
    );
}
