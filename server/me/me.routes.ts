/** /api/me: who you are, your organisations, whether you run the programme office; your profile. */
import { createRoute } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { Locale } from '../../shared/domain.ts';
import { Me, UpdateMeBody } from '../../shared/schemas/me.ts';
import { isClusterManager } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { twoFactorRequiredOf } from '../auth/two-factor-requirement.ts';
import { organisationMembers, organisations, user } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { signingMethodsOf } from '../gates/signer-step-up.ts';
import { requireActor } from '../http/context.ts';
import { createRouter, errors, json, jsonBody } from '../http/router.ts';
import { mayStartProjects } from '../projects/may-start-project.ts';
import { orgRef } from '../projects/project-view.ts';
import { updateProfile } from './update-profile.ts';

export async function getMe(deps: ServiceDeps, actor: Actor): Promise<Me> {
  const [[u], orgs, mayStart, twoFactorRequired, signing] = await Promise.all([
    deps.db.select().from(user).where(eq(user.id, actor.id)).limit(1),
    deps.db
      .select({ org: organisations })
      .from(organisationMembers)
      .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
      .where(eq(organisationMembers.userId, actor.id))
      .orderBy(organisations.name),
    mayStartProjects(deps, actor),
    twoFactorRequiredOf(deps, actor),
    signingMethodsOf(deps.db, actor.id),
  ]);
  if (!u) throw new AppError('unauthenticated', 'Your account no longer exists');
  return {
    user: {
      id: u.id,
      name: u.name,
      email: u.email,
      locale: (u.locale as Locale | null) ?? null,
      title: u.title,
      timeZone: u.timeZone,
    },
    organisations: orgs.map((o) => orgRef(o.org)),
    clusterManager: isClusterManager(actor),
    mayStartProject: mayStart,
    twoFactor: { enabled: u.twoFactorEnabled, required: twoFactorRequired },
    signing,
  };
}

export function meRoutes(deps: ServiceDeps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/me',
        tags: ['me'],
        summary: 'The signed-in user',
        responses: { 200: json(Me, 'You'), ...errors },
      }),
      async (c) => c.json(await getMe(deps, requireActor(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/me',
        tags: ['me'],
        summary: 'Change your profile: name, title, language, time zone (any of them)',
        request: jsonBody(UpdateMeBody),
        responses: { 200: json(Me, 'You'), ...errors },
      }),
      async (c) => {
        const actor = requireActor(c);
        await updateProfile(deps, actor, c.req.valid('json'));
        return c.json(await getMe(deps, actor), 200);
      },
    );
}
