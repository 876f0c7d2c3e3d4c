/** The language and time zone a user chose for their account: English and UTC if none. */
import { eq } from 'drizzle-orm';
import type { Locale } from '../../shared/domain.ts';
import { user } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';

export interface ReaderPreferences {
  locale: Locale;
  /** an IANA zone this server's Intl knows, or 'UTC' */
  timeZone: string;
}

export async function readerPreferences(deps: ServiceDeps, userId: string): Promise<ReaderPreferences> {
  const [row] = await deps.db
    .select({ locale: user.locale, timeZone: user.timeZone })
    .from(user)
    .where(eq(user.id, userId))
    .limit(1);
  return { locale: row?.locale === 'fr' ? 'fr' : 'en', timeZone: knownZone(row?.timeZone) ?? 'UTC' };
}

function knownZone(zone: string | null | undefined): string | null {
  if (!zone) return null;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    // a RangeError: a zone saved by a browser whose Intl data this server lacks
    return null;
  }
}
