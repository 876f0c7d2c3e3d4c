/**
 * better-auth's SCIM plugin: an organisation's identity provider provisions and deactivates its
 * people through /api/auth/scim/v2, with a bearer credential a cluster manager issues for it
 * (the plugin's managed connections). The credentials are stored as digests keyed by a secret
 * derived from AUTH_SECRET, so that a copy of the database alone does not reveal them.
 */
import { createHmac } from 'node:crypto';
import { scim } from '@better-auth/scim';

export function scimPlugin(authSecret: string) {
  return scim({
    connections: [],
    managedConnections: {
      credentialHashSecret: createHmac('sha256', authSecret).update('jalon scim credentials').digest('hex'),
    },
  });
}
