/**
 * E-mailing the weekly digest, only when SMTP is configured (SMTP_URL). Each user's digest of
 * a week is sent once: a delivery row claims it before sending (so two nodes do not both send)
 * and is removed again if the send fails, to retry at the next run. Users who turned the
 * digest e-mail off, and weeks where nothing changed for them, get no mail.
 */
import { and, eq, inArray, isNull, notInArray } from 'drizzle-orm';
import {
  clusterManagers,
  digestDeliveries,
  notificationPreferences,
  projectMembers,
  user,
} from '../db/schema/index.ts';
import { commit } from '../db/writer.ts';
import type { ServiceDeps } from '../deps.ts';
import type { MailTransport } from '../mail/transport.ts';
import { buildDigest } from './digest.ts';
import { digestSubject, renderDigestHtml } from './digest-html.ts';
import { DIGEST_EMAIL_KEY } from './preferences.ts';

/** Sends `week`'s digest to everyone due one; returns how many were sent. */
export async function sendWeeklyDigests(
  deps: ServiceDeps,
  transport: MailTransport,
  from: string,
  week: string,
): Promise<number> {
  const { db } = deps;
  const [members, managers, optedOut, delivered] = await Promise.all([
    db.selectDistinct({ id: projectMembers.userId }).from(projectMembers),
    db.select({ id: clusterManagers.userId }).from(clusterManagers),
    db
      .select({ id: notificationPreferences.userId })
      .from(notificationPreferences)
      .where(
        and(eq(notificationPreferences.key, DIGEST_EMAIL_KEY), eq(notificationPreferences.enabled, false)),
      ),
    db.select({ id: digestDeliveries.userId }).from(digestDeliveries).where(eq(digestDeliveries.week, week)),
  ]);
  const skip = [...optedOut, ...delivered].map((r) => r.id);
  const due = [...new Set([...members, ...managers].map((r) => r.id))];
  if (due.length === 0) return 0;
  const recipients = await db
    .select({ id: user.id, email: user.email })
    .from(user)
    .where(
      and(
        inArray(user.id, due),
        // a deactivated account hears nothing more about the projects
        isNull(user.deactivatedAt),
        skip.length ? notInArray(user.id, skip) : undefined,
      ),
    );

  let sent = 0;
  for (const r of recipients) {
    const model = await buildDigest(deps, r.id, week);
    const claimedAt = deps.clock();
    await commit(db, [
      db.insert(digestDeliveries).values({ userId: r.id, week, sentAt: claimedAt }).onConflictDoNothing(),
    ]);
    const [claim] = await db
      .select({ sentAt: digestDeliveries.sentAt })
      .from(digestDeliveries)
      .where(and(eq(digestDeliveries.userId, r.id), eq(digestDeliveries.week, week)));
    // Another node claimed it first (or nothing changed): nothing to send from here.
    if (claim?.sentAt.getTime() !== claimedAt.getTime() || model.changes === 0) continue;
    try {
      await transport.sendMail({
        from,
        to: r.email,
        subject: digestSubject(model),
        html: renderDigestHtml(model, deps.publicUrl),
        text: `${digestSubject(model)}\n\n${deps.publicUrl}/notifications/digest?week=${week}`,
      });
      sent += 1;
    } catch (err) {
      deps.log.warn({ err, userId: r.id, week }, 'digest e-mail failed; will retry');
      await commit(db, [
        db
          .delete(digestDeliveries)
          .where(and(eq(digestDeliveries.userId, r.id), eq(digestDeliveries.week, week))),
      ]);
    }
  }
  return sent;
}
