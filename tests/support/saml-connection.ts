/**
 * A SAML connection between a running test server and a test IdP (saml-idp.ts), registered as a
 * cluster manager would through better-auth's SSO plugin (its server API: its HTTP management
 * endpoints are closed), and the IdP told about Jalon from Jalon's SP metadata.
 */
import { eq } from 'drizzle-orm';
import { ssoProvider } from '../../server/db/schema/index.ts';
import { signedIn } from './client.ts';
import type { SamlIdp } from './saml-idp.ts';
import type { TestServer } from './server.ts';

export const spMetadataUrl = (server: TestServer, providerId: string) =>
  `${server.url}/api/auth/sso/saml2/sp/metadata?providerId=${encodeURIComponent(providerId)}`;

export async function connectSamlIdp(
  server: TestServer,
  idp: SamlIdp,
  connection: {
    providerId: string;
    domain: string;
    organisationId: string;
    /** which attributes carry the address and the name, when not the plugin's defaults */
    mapping?: { email?: string; name?: string; firstName?: string; lastName?: string };
  },
): Promise<void> {
  const manager = await signedIn(server.url, 'manager@demo.jalon');
  const idpMetadata = await (await fetch(`${idp.origin}/metadata`)).text();
  await server.auth.api.registerSSOProvider({
    body: {
      providerId: connection.providerId,
      // For SAML the plugin takes `issuer` as Jalon's own entity ID: the audience the IdP
      // addresses its assertions to. One per connection, the address of its SP metadata.
      issuer: spMetadataUrl(server, connection.providerId),
      domain: connection.domain,
      samlConfig: {
        entryPoint: idp.ssoUrl,
        idpMetadata: { metadata: idpMetadata },
        wantAssertionsSigned: true,
        identifierFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
        ...(connection.mapping ? { mapping: connection.mapping } : {}),
      },
    },
    headers: new Headers({ cookie: manager.cookie }),
  });
  // The plugin checks an `organizationId` against the organization plugin's members, which
  // Jalon does not run: the connection's Jalon organisation is written on its row instead.
  await server.deps.db
    .update(ssoProvider)
    .set({ organizationId: connection.organisationId })
    .where(eq(ssoProvider.providerId, connection.providerId));
  const spMetadata = await fetch(spMetadataUrl(server, connection.providerId));
  if (spMetadata.status !== 200) throw new Error(`no SP metadata: ${spMetadata.status}`);
  idp.trust(await spMetadata.text());
}
