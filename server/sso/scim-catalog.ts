/**
 * The plugin's managed connection catalog, through its exported server API (`auth.api`), narrowed
 * to what Jalon uses: one connection per organisation (provisioning domain = organisation id) and
 * its bearer credentials. Kept behind this interface so that the use cases read as Jalon's rules.
 */
import type { SCIMManagedConnection, SCIMManagedCredential, SCIMScope } from '@better-auth/scim';
import type { Auth } from '../auth/auth.ts';

/** Users only: Jalon reads no Groups (groups would be roles, and SCIM grants no rights here). */
const SCOPES: SCIMScope[] = ['scim.users.read', 'scim.users.write'];

export interface ScimCatalog {
  /** the organisation's connection that is not decommissioned, with its credentials */
  find(
    organisationId: string,
  ): Promise<{ connection: SCIMManagedConnection; credentials: SCIMManagedCredential[] } | null>;
  create(organisationId: string, actorId: string, expiresAt: Date): Promise<Issued>;
  rotate(organisationId: string, connectionId: string, actorId: string, expiresAt: Date): Promise<Issued>;
  revoke(organisationId: string, connectionId: string, credentialId: string, actorId: string): Promise<void>;
}

interface Issued {
  connection: SCIMManagedConnection;
  credential: SCIMManagedCredential;
  token: string;
}

export function scimCatalog(auth: Auth): ScimCatalog {
  return {
    async find(organisationId) {
      const { connections } = await auth.api.listSCIMManagedConnections({
        body: { provisioningDomainId: organisationId },
      });
      const live = connections.find((c) => c.status === 'active');
      if (!live) return null;
      return auth.api.getSCIMManagedConnection({
        body: { connectionId: live.connectionId, provisioningDomainId: organisationId },
      });
    },
    create(organisationId, actorId, expiresAt) {
      return auth.api.createSCIMManagedConnection({
        body: {
          creationRequestId: crypto.randomUUID(),
          provisioningDomainId: organisationId,
          actorId,
          scopes: SCOPES,
          expiresAt,
        },
      });
    },
    rotate(organisationId, connectionId, actorId, expiresAt) {
      return auth.api.rotateSCIMManagedCredential({
        body: { connectionId, provisioningDomainId: organisationId, actorId, scopes: SCOPES, expiresAt },
      });
    },
    async revoke(organisationId, connectionId, credentialId, actorId) {
      await auth.api.revokeSCIMManagedCredential({
        body: { connectionId, provisioningDomainId: organisationId, credentialId, actorId },
      });
    },
  };
}
