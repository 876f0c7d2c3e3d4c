/**
 * A list of service requests that reloads live, shown so that a reload disturbs only the cards
 * of requests that moved: each card is keyed by its request's id and `updatedAt` (a move, a
 * date, a milestone), so a card whose request did not move keeps what its reader was doing (a
 * comment being written, a next status picked), while one that moved starts afresh from where
 * it now stands. A comment alone keeps the card and shows in it.
 */
import { createMemo } from 'solid-js';
import type { ServiceRequest } from '../../../shared/services.ts';

export function requestVersions(list: () => readonly ServiceRequest[]) {
  const byKey = createMemo(() => new Map(list().map((r) => [`${r.id}@${r.updatedAt}`, r])));
  return {
    keys: () => [...byKey().keys()],
    /** the request shown under `key`: the last one known, while a card that left is taken down */
    follow(key: string): () => ServiceRequest {
      let last = byKey().get(key)!;
      return () => {
        last = byKey().get(key) ?? last;
        return last;
      };
    },
  };
}
