/**
 * Checks a display name against the rule (display-name.rules.ts) with the names it must not
 * pass for: the other members of every project the person is in, and of the project they are
 * joining.
 */
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { projectMembers, user } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { displayNameMessages, displayNameProblem } from './display-name.rules.ts';

export async function fellowMemberNames(
  db: Db,
  who: { userId?: string; joiningProjectId?: string },
): Promise<string[]> {
  const projectIds = who.userId
    ? (
        await db
          .select({ id: projectMembers.projectId })
          .from(projectMembers)
          .where(eq(projectMembers.userId, who.userId))
      ).map((r) => r.id)
    : [];
  if (who.joiningProjectId) projectIds.push(who.joiningProjectId);
  if (projectIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ name: user.name })
    .from(projectMembers)
    .innerJoin(user, eq(user.id, projectMembers.userId))
    .where(
      and(
        inArray(projectMembers.projectId, projectIds),
        who.userId ? ne(projectMembers.userId, who.userId) : undefined,
      ),
    );
  return rows.map((r) => r.name);
}

/** Throws `invalid_input` with a message the person can act on; returns the trimmed name. */
export async function checkDisplayName(
  db: Db,
  name: string,
  who: { userId?: string; joiningProjectId?: string } = {},
): Promise<string> {
  const problem = displayNameProblem(name, await fellowMemberNames(db, who));
  if (problem) throw new AppError('invalid_input', displayNameMessages[problem]);
  return name.trim();
}
