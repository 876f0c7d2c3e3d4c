/** Building blocks the REST API's shapes share: identifiers, dates, bilingual text, a person. */
import { z } from 'zod';

export const Id = z.string().min(1).max(64);
export const IsoDate = z.string().describe('ISO 8601 date-time');

export const Bilingual = z.object({ en: z.string(), fr: z.string() });

/** someone named in a reply: an author, a reviewer, a signer */
export const Person = z.object({ id: Id, name: z.string() });
