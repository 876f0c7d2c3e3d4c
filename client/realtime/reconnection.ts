/**
 * How the app's socket comes back after losing the server (socket.io-client's backoff), shared
 * with the benchmark's clients (tests/bench/clients.ts) so that the bench drives what the app
 * does.
 *
 * The first retry comes after 250–750 ms; each failed attempt doubles the wait, up to
 * `reconnectionDelayMax`. The ceiling bounds how long a client waits once the server is back:
 * at 10 s, clients that had failed a few attempts during a restart came back up to 10 s after
 * the server (docs/performance.md, "Reconnect"). At 2 s a client retries at most every 2 s while
 * the server is away, which is cheap (a refused TCP connection), and the first waits' jitter
 * spreads the clients' retries over the ceiling, so a restarted server is not met by all of
 * them at once.
 */
export const APP_RECONNECTION = {
  reconnectionDelay: 500,
  reconnectionDelayMax: 2_000,
  randomizationFactor: 0.5,
} as const;

/**
 * The pause before reconnecting to a server that closed the connection itself (it is
 * restarting): socket.io-client does not retry that case on its own. Jittered, 250–750 ms.
 */
export function pauseAfterServerClose(): number {
  return APP_RECONNECTION.reconnectionDelay * (0.5 + Math.random());
}
