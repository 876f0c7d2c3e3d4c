/**
 * better-auth's SCIM plugin: an organisation's identity provider provisions and deactivates its
 * people through /api/auth/scim/v2, with a bearer credential a cluster manager issues for it
 * (the plugin's managed connections; one per organisation, whose id is the connection's
 * provisioning domain: server/sso/scim-connection.ts). The credentials are stored as digests
 * keyed by a secret derived from AUTH_SECRET, so that a copy of the database alone does not
 * reveal them.
 *
 * Jalon plugs in two things: how a SCIM User meets an account (scim-identity.ts), and the
 * projection, which grants nothing (no `roles`: SCIM never gives project rights) and only notes,
 * per person and organisation, whether the directory still has them active (scim-outcomes.ts).
 * The plugin itself deletes the sessions of a person no directory has active, in its
 * transaction; the rest of deactivation follows its commit (settle-scim-accounts.ts).
 */
import { createHmac } from 'node:crypto';
import { scim } from '@better-auth/scim';
import type { Db } from '../db/client.ts';
import { resolveScimUser } from './scim-identity.ts';
import { noteScimOutcome } from './scim-outcomes.ts';

/**
 * An identity provider's first synchronisation of a large organisation sends requests in bursts
 * (Entra ID looks each person up, then creates or updates them), from few addresses: better-auth's
 * default of 120 a minute per address would stretch it to hours. It backs off on 429 either way.
 */
export const SCIM_RATE_LIMIT = { window: 60, max: 600 };

export function scimPlugin(authSecret: string, db: Db) {
  return scim({
    connections: [],
    managedConnections: {
      credentialHashSecret: createHmac('sha256', authSecret).update('jalon scim credentials').digest('hex'),
      // One credential in use, and one more while a rotation is under way.
      maxActiveCredentials: 2,
      // "Last used" is for a person checking that the provider talks to Jalon: a minute is fine.
      lastUsedWriteIntervalSeconds: 60,
    },
    identity: {
      resolveUser: (input) => resolveScimUser(db, input),
    },
    projection: {
      reconcileUser(state) {
        noteScimOutcome({
          userId: state.userId,
          organisationId: state.provisioningDomainId,
          active: state.active,
        });
      },
    },
  });
}
