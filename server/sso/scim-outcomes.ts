/**
 * What a SCIM request decided about Jalon accounts, carried from inside the plugin's transaction
 * to after its commit. The plugin reconciles each touched person inside its own database
 * transaction; Jalon's consequences (deactivation through server/people/deactivate-account.ts,
 * joining the organisation) are audited commits of their own, which cannot run inside that
 * transaction (they would wait on its write lock). So the plugin's callbacks only note the
 * outcome here, per request, and server/sso/settle-scim-accounts.ts acts on it once the
 * request's transaction has committed, re-reading what was actually committed.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface ScimOutcome {
  userId: string;
  /** the organisation whose identity provider spoke (the connection's provisioning domain) */
  organisationId: string;
  /** whether the person is still active in that organisation's directory */
  active: boolean;
}

const outcomes = new AsyncLocalStorage<Map<string, ScimOutcome>>();

/** Runs `fn` (one SCIM request) and returns the outcomes its callbacks noted, last per person. */
export async function collectScimOutcomes<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; noted: ScimOutcome[] }> {
  const noted = new Map<string, ScimOutcome>();
  const result = await outcomes.run(noted, fn);
  return { result, noted: [...noted.values()] };
}

/** Called from the plugin's projection callback; outside a collected request it notes nothing. */
export function noteScimOutcome(outcome: ScimOutcome): void {
  outcomes.getStore()?.set(outcome.userId, outcome);
}
