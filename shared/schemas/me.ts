/**
 * The signed-in user, as `/api/me` reads and updates them, and their sessions (`/api/me/sessions`).
 * The profile schema is the one rule both the account page (as the person types) and the server
 * apply; the server adds what only it knows (names that pass for the office or another member:
 * server/auth/display-name.rules.ts).
 */
import { z } from 'zod';
import { Locale } from '../domain.ts';
import { Id, IsoDate } from './common.ts';
import { OrganisationRef } from './organisations.ts';

export const MAX_NAME_LENGTH = 80;
export const MAX_TITLE_LENGTH = 100;

const CONTROL_CHARACTERS = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
const plainText = (s: string) => !CONTROL_CHARACTERS.test(s);

/** Whether the runtime knows this IANA time zone ('Europe/Paris'). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const ProfileFields = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Enter your name.')
    .max(MAX_NAME_LENGTH, `A name has at most ${MAX_NAME_LENGTH} characters.`)
    .refine(plainText, 'A name cannot contain line breaks or control characters.'),
  /** what one does ("Clinical research nurse"); empty: none */
  title: z
    .string()
    .trim()
    .max(MAX_TITLE_LENGTH, `A title has at most ${MAX_TITLE_LENGTH} characters.`)
    .refine(plainText, 'A title cannot contain line breaks or control characters.'),
  /** an IANA time zone; empty: the browser's own */
  timeZone: z
    .string()
    .max(64)
    .refine((zone) => zone === '' || isTimeZone(zone), 'Choose a time zone from the list.'),
  locale: Locale,
});
export type ProfileFields = z.infer<typeof ProfileFields>;

/** Any of the profile's fields; the language alone is what the language switch sends. */
export const UpdateMeBody = ProfileFields.partial().strict();
export type UpdateMeBody = z.infer<typeof UpdateMeBody>;

export const Me = z.object({
  user: z.object({
    id: Id,
    name: z.string(),
    email: z.string(),
    locale: Locale.nullable(),
    title: z.string().nullable(),
    timeZone: z.string().nullable(),
  }),
  organisations: z.array(OrganisationRef),
  clusterManager: z.boolean(),
  /** whether they may start a project now (the cluster's setting, and leading a current project) */
  mayStartProject: z.boolean(),
  twoFactor: z.object({
    /** an authenticator app confirms their sign-ins */
    enabled: z.boolean(),
    /** the cluster requires it of them (a manager, or someone who may sign gate decisions) */
    required: z.boolean(),
  }),
  /** how they prove who they are when signing a gate decision */
  signing: z.object({
    /** they have a password to re-enter */
    password: z.boolean(),
    /** the organisation whose OpenID provider signs them in again; null if none */
    organisation: z.string().nullable(),
  }),
});
export type Me = z.infer<typeof Me>;

/** One of the user's signed-in browsers. */
export const SessionView = z.object({
  id: Id,
  /** the browser's User-Agent header as it signed in, for the page to put in plain words */
  userAgent: z.string().nullable(),
  signedInAt: IsoDate,
  /** within a minute: a session's use is recorded at most once a minute */
  lastUsedAt: IsoDate,
  /** the session making this request */
  current: z.boolean(),
});
export type SessionView = z.infer<typeof SessionView>;

export const SessionList = z.object({ sessions: z.array(SessionView) });
export type SessionList = z.infer<typeof SessionList>;
