/** The signed-in user, as `/api/me` reads and updates them. */
import { z } from 'zod';
import { Locale } from '../domain.ts';
import { Id } from './common.ts';
import { OrganisationRef } from './organisations.ts';

export const Me = z.object({
  user: z.object({ id: Id, name: z.string(), email: z.string(), locale: Locale.nullable() }),
  organisations: z.array(OrganisationRef),
  clusterManager: z.boolean(),
});
export type Me = z.infer<typeof Me>;

export const UpdateMeBody = z.object({ locale: Locale }).strict();
