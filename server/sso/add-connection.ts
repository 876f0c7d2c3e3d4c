/**
 * A cluster manager adds a single sign-on connection for one organisation and its e-mail
 * domains. OIDC: the provider's discovery document must pass the checks first (the endpoints
 * it declares are stored, so a sign-in never depends on discovery); SAML: the signing
 * certificate and the sign-in URL must. The plugin registers the provider (its own rules on
 * URLs, certificates and algorithms apply); the organisation, the activity row and the audit
 * entry follow in one change, and the registration is undone if that change fails.
 */
import { eq } from 'drizzle-orm';
import type {
  CreateOidcConnection,
  CreateSamlConnection,
  CreateSsoConnectionBody,
  SsoConnection,
  SsoTestResult,
} from '../../shared/schemas/sso.ts';
import { requireClusterAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { ChangeSet } from '../change-set.ts';
import { organisations, ssoConnectionActivity, ssoProvider } from '../db/schema/index.ts';
import { AppError, conflict, notFound } from '../errors.ts';
import { connectionUrls } from './connection-urls.ts';
import { loadConnections } from './connections.ts';
import { joinDomains, overlappingDomains } from './domains.rules.ts';
import { connectionOrigins } from './issuer-trust.ts';
import { listConnections } from './list-connections.ts';
import { discoverOidc } from './oidc-discovery.ts';
import { checkSamlSettings, normalisePem, samlSettingsFromMetadata } from './saml-check.ts';
import { retrust, type SsoDeps } from './sso-deps.ts';

const EMAIL_NAME_ID = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';
const REDIRECT_BINDING = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';

function refusal(message: string, checks: SsoTestResult['checks']): AppError {
  const failed = checks.filter((c) => !c.ok).map((c) => ({ path: c.name, message: c.detail }));
  return new AppError('invalid_input', `${message}: ${failed.map((f) => f.message).join('; ')}`, failed);
}

/** A provider id that reads well in the URLs given to the identity provider. */
async function freshProviderId(deps: SsoDeps, slug: string, protocol: string): Promise<string> {
  const stem = `${slug.slice(0, 40)}-${protocol}`;
  const taken = new Set((await loadConnections(deps.db)).map((c) => c.providerId));
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) if (!taken.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

async function oidcRegistration(deps: SsoDeps, providerId: string, input: CreateOidcConnection) {
  const discovery = await discoverOidc(input.issuer);
  const at = deps.clock().toISOString();
  const endpoints = discovery.endpoints;
  if (!endpoints) throw refusal('The OpenID provider does not pass the checks', discovery.checks);
  deps.issuerTrust.admit(connectionOrigins(endpoints.issuer, { ...endpoints }));
  deps.issuerTrust.syncTo(await deps.auth.$context);
  return {
    test: { ok: true, at, checks: discovery.checks } satisfies SsoTestResult,
    body: {
      providerId,
      issuer: endpoints.issuer,
      oidcConfig: {
        clientId: input.clientId,
        clientSecret: input.clientSecret,
        skipDiscovery: true,
        discoveryEndpoint: endpoints.discoveryEndpoint,
        authorizationEndpoint: endpoints.authorizationEndpoint,
        tokenEndpoint: endpoints.tokenEndpoint,
        jwksEndpoint: endpoints.jwksEndpoint,
        ...(endpoints.userInfoEndpoint ? { userInfoEndpoint: endpoints.userInfoEndpoint } : {}),
        pkce: true,
        scopes: ['openid', 'email', 'profile'],
      },
    },
  };
}

function samlRegistration(deps: SsoDeps, providerId: string, input: CreateSamlConnection) {
  const fromXml = input.metadataXml ? samlSettingsFromMetadata(input.metadataXml) : null;
  const settings = {
    entityId: input.entityId ?? fromXml?.entityId ?? null,
    entryPoint: input.entryPoint ?? fromXml?.entryPoint ?? null,
    certificate: input.certificate ?? fromXml?.certificate ?? null,
  };
  const checks = checkSamlSettings(settings, deps.clock());
  if (checks.some((c) => !c.ok) || !settings.entityId || !settings.entryPoint || !settings.certificate)
    throw refusal('The identity provider’s settings do not pass the checks', checks);
  const urls = connectionUrls(deps.publicUrl, providerId, 'saml');
  const cert = normalisePem(settings.certificate);
  return {
    test: { ok: true, at: deps.clock().toISOString(), checks } satisfies SsoTestResult,
    body: {
      providerId,
      issuer: settings.entityId,
      samlConfig: {
        entryPoint: settings.entryPoint,
        cert,
        audience: urls.entityId ?? undefined,
        idpMetadata: input.metadataXml
          ? { metadata: input.metadataXml }
          : {
              entityID: settings.entityId,
              cert,
              singleSignOnService: [{ Binding: REDIRECT_BINDING, Location: settings.entryPoint }],
            },
        spMetadata: { entityID: urls.entityId ?? undefined },
        wantAssertionsSigned: true,
        identifierFormat: EMAIL_NAME_ID,
        mapping: { email: 'email', name: 'displayName', firstName: 'givenName', lastName: 'surname' },
      },
    },
  };
}

export async function addConnection(
  deps: SsoDeps,
  actor: Actor,
  headers: Headers,
  input: CreateSsoConnectionBody,
): Promise<SsoConnection> {
  requireClusterAction(deps, actor, 'sso.manage');
  const [organisation] = await deps.db
    .select({ id: organisations.id, slug: organisations.slug, deactivatedAt: organisations.deactivatedAt })
    .from(organisations)
    .where(eq(organisations.id, input.organisationId));
  if (!organisation) throw notFound('No such organisation');
  if (organisation.deactivatedAt) throw conflict('This organisation is deactivated: reactivate it first');
  const existing = await loadConnections(deps.db);
  const overlap = overlappingDomains(
    input.domains,
    existing.flatMap((c) => c.domains),
  );
  if (overlap.length > 0)
    throw conflict(
      `Already covered by another connection: ${overlap.join(', ')}. A domain has one connection.`,
    );

  const providerId = await freshProviderId(deps, organisation.slug, input.protocol);
  const { test, body } =
    input.protocol === 'oidc'
      ? await oidcRegistration(deps, providerId, input)
      : samlRegistration(deps, providerId, input);
  const domain = joinDomains(input.domains);
  try {
    await deps.auth.api.registerSSOProvider({ body: { ...body, domain }, headers });
  } catch (err) {
    const message = err instanceof Error ? err.message : 'refused';
    deps.log.warn({ err, providerId }, 'the SSO plugin refused the connection');
    throw new AppError('invalid_input', `The connection was refused: ${message}`);
  }

  const now = deps.clock();
  try {
    await new ChangeSet(deps, { at: now, actor, projectId: null })
      .guarded(
        deps.db
          .update(ssoProvider)
          .set({ organizationId: organisation.id })
          .where(eq(ssoProvider.providerId, providerId)),
        'This connection was removed meanwhile',
      )
      .write(
        deps.db.insert(ssoConnectionActivity).values({
          providerId,
          lastTestedAt: now,
          lastTestResult: test,
          updatedAt: now,
        }),
      )
      .audit({
        entity: 'sso_connection',
        entityId: providerId,
        action: 'create',
        after: {
          protocol: input.protocol,
          organisationId: organisation.id,
          domains: input.domains,
          issuer: body.issuer,
        },
      })
      .commit();
  } catch (err) {
    await deps.db.delete(ssoProvider).where(eq(ssoProvider.providerId, providerId));
    throw err;
  } finally {
    await retrust(deps);
  }
  deps.log.info({ providerId, organisationId: organisation.id, by: actor.id }, 'SSO connection added');
  const view = (await listConnections(deps, actor)).find((c) => c.id === providerId);
  if (!view) throw notFound('This connection was removed meanwhile');
  return view;
}
