/** The language a user chose for their account, English if none. */
import { eq } from 'drizzle-orm';
import type { Locale } from '../../shared/domain.ts';
import { user } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';

export async function accountLocale(deps: ServiceDeps, userId: string): Promise<Locale> {
  const [row] = await deps.db.select({ locale: user.locale }).from(user).where(eq(user.id, userId)).limit(1);
  return row?.locale === 'fr' ? 'fr' : 'en';
}
