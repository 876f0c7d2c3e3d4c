/**
 * Whether the signed-in person handles a service, for the header's link to the queue. Asked once
 * per person and page load (every page has a header, and handling a service rarely changes), and
 * kept in a signal rather than a resource so that no page waits on it; a failure (offline) is
 * not kept, so the next page asks again.
 */
import { createSignal } from 'solid-js';
import { homeApi } from '../features/home/home-api.ts';

const [answer, setAnswer] = createSignal<{ userId: string; handles: boolean } | undefined>();
let askedFor: string | undefined;

export function handlesServices(userId: string | undefined): boolean {
  if (userId && askedFor !== userId) {
    askedFor = userId;
    homeApi.myWork().then(
      (work) => setAnswer({ userId, handles: work.handlesServices }),
      () => {
        if (askedFor === userId) askedFor = undefined;
      },
    );
  }
  const known = answer();
  return known !== undefined && known.userId === userId && known.handles;
}
