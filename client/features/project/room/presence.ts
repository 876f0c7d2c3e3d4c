/**
 * Who is in the room, from the awareness states: one entry per person (a person with two tabs
 * open is here once), with what they are editing. States are remote input: anything that is
 * not shaped as ours is ignored rather than trusted (a colour outside the palette included).
 */
import { colorFor, isPresenceColor, MAX_PRESENCE_NAME } from '../../../../shared/presence.ts';

export { colorFor };

export interface PresenceEntry {
  userId: string;
  name: string;
  color: string;
  /** ids of the milestones this person has open for editing */
  editing: string[];
  isSelf: boolean;
}

interface StateShape {
  user?: { id?: unknown; name?: unknown; color?: unknown };
  editing?: unknown;
}

/** People here now: you first, then the others by name. */
export function presenceList(
  states: ReadonlyMap<number, unknown>,
  self: { userId: string },
  collator: Intl.Collator = new Intl.Collator(),
): PresenceEntry[] {
  const byUser = new Map<string, PresenceEntry>();
  for (const raw of states.values()) {
    if (!raw || typeof raw !== 'object') continue;
    const state = raw as StateShape;
    const id = state.user?.id;
    if (typeof id !== 'string' || !id) continue;
    const name =
      typeof state.user?.name === 'string' && state.user.name
        ? state.user.name.slice(0, MAX_PRESENCE_NAME)
        : '?';
    const color = isPresenceColor(state.user?.color) ? state.user.color : colorFor(id);
    const entry = byUser.get(id) ?? { userId: id, name, color, editing: [], isSelf: id === self.userId };
    if (typeof state.editing === 'string' && !entry.editing.includes(state.editing))
      entry.editing.push(state.editing);
    byUser.set(id, entry);
  }
  return [...byUser.values()].sort((a, b) =>
    a.isSelf !== b.isSelf ? (a.isSelf ? -1 : 1) : collator.compare(a.name, b.name),
  );
}

export function initials(name: string): string {
  return name
    .replace(/^(Dr|Pr|Prof)\.?\s+/i, '')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}
