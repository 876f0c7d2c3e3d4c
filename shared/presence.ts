/**
 * How a person shows in others' presence (avatars, cursors): the colour comes from their user id,
 * from a fixed palette, and the server writes it (with their name) into every presence state it
 * relays (server/collab/presence-vouch.ts). Clients render only colours of this palette.
 */

/** Cursor and avatar colours, dark enough for white initials (AA on each). */
export const PRESENCE_PALETTE = [
  '#4338ca',
  '#0f766e',
  '#b45309',
  '#be185d',
  '#1d4ed8',
  '#7e22ce',
  '#047857',
  '#b91c1c',
] as const;

/** A person's colour, the same on every screen. */
export function colorFor(userId: string): string {
  let hash = 0;
  for (let i = 0; i < userId.length; i++) hash = (hash * 31 + userId.charCodeAt(i)) >>> 0;
  return PRESENCE_PALETTE[hash % PRESENCE_PALETTE.length]!;
}

/** Whether `value` is a colour of the palette (anything else, a CSS value say, is not rendered). */
export function isPresenceColor(value: unknown): value is string {
  return typeof value === 'string' && (PRESENCE_PALETTE as readonly string[]).includes(value);
}

/** The longest name shown in presence (longer is cut). */
export const MAX_PRESENCE_NAME = 80;
