/**
 * Changing one's profile: name, title, language, time zone. The shared schema (ProfileFields)
 * has already checked each field's form; the display-name rule adds what needs the database
 * (names of the office and of fellow members), and says so on the `name` field.
 */
import { eq } from 'drizzle-orm';
import type { UpdateMeBody } from '../../shared/schemas/me.ts';
import type { Actor } from '../auth/actor.ts';
import { displayNameMessages, displayNameProblem } from '../auth/display-name.rules.ts';
import { fellowMemberNames } from '../auth/display-name.ts';
import { user } from '../db/schema/index.ts';
import { commit } from '../db/writer.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';

export async function updateProfile(deps: ServiceDeps, actor: Actor, input: UpdateMeBody): Promise<void> {
  if (input.name !== undefined) {
    const problem = displayNameProblem(input.name, await fellowMemberNames(deps.db, { userId: actor.id }));
    if (problem) {
      const message = displayNameMessages[problem];
      throw new AppError('invalid_input', message, [{ path: 'name', message }]);
    }
  }
  await commit(deps.db, [
    deps.db
      .update(user)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        // Empty means none: the title is optional and the time zone falls back to the browser's.
        ...(input.title !== undefined ? { title: input.title || null } : {}),
        ...(input.timeZone !== undefined ? { timeZone: input.timeZone || null } : {}),
        ...(input.locale !== undefined ? { locale: input.locale } : {}),
        updatedAt: deps.clock(),
      })
      .where(eq(user.id, actor.id)),
  ]);
}
