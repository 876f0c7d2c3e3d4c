/**
 * Are we online? The browser's own flag is only half the truth (it says "online" behind a dead
 * Wi-Fi portal), so a request that cannot reach the server also counts as offline until the
 * next one gets through.
 */
import { createStore } from 'solid-js/store';

export interface ConnectivityState {
  online: boolean;
}

export function createConnectivityStore(target: Window = window) {
  const [state, setState] = createStore<ConnectivityState>({ online: target.navigator.onLine });
  const listeners = new Set<() => void>();

  const goOnline = () => {
    if (state.online) return;
    setState('online', true);
    for (const listener of listeners) listener();
  };
  target.addEventListener('online', goOnline);
  target.addEventListener('offline', () => setState('online', false));

  const actions = {
    reportNetworkFailure: () => setState('online', false),
    reportNetworkSuccess: goOnline,
    /** run `listener` each time the connection comes back; returns the unsubscribe */
    onReconnect(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return [state, actions] as const;
}

export type ConnectivityStore = ReturnType<typeof createConnectivityStore>;
