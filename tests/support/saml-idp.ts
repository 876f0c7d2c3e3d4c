/**
 * A real SAML 2.0 identity provider on loopback, for tests: it reads the service provider's
 * AuthnRequest (HTTP-Redirect binding), "signs in" whoever the test says is at the keyboard (no
 * login page), and answers as institutional IdPs do: an HTML page whose form POSTs the
 * SAMLResponse and the RelayState to the service provider's assertion consumer service, and
 * submits itself. Tests can spoil the next answer in the ways an attacker or a misconfigured IdP
 * would (unsigned, signed by another key, for another audience, outside its validity window, an
 * assertion sent twice).
 *
 * It runs in the test's process, which is also where a test server runs better-auth's SSO plugin:
 * samlify's XML validator is process-wide, so the IdP installs none of its own and uses the one
 * the plugin sets when it is imported (a well-formedness check, no XSD).
 */
import '@better-auth/sso';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import samlify from 'samlify';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'saml');
const pem = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

/** The IdP's signing key pair, and an impostor's (same subject, another key). */
export const IDP_KEY = { privateKey: pem('idp-key.pem'), certificate: pem('idp-cert.pem') };
export const IMPOSTOR_KEY = { privateKey: pem('wrong-key.pem'), certificate: pem('wrong-cert.pem') };

export const NAMEID_EMAIL = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';
const SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';
const PASSWORD_CONTEXT = 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport';
const ASSERTION_XPATH = "/*[local-name(.)='Response']/*[local-name(.)='Assertion']";

/** The person signed in at the IdP, as its directory knows them. */
export interface SamlUser {
  email: string;
  givenName?: string;
  surname?: string;
  displayName?: string;
}

/**
 * How the next response is made:
 * - `signed`: the assertion is signed with the IdP's key, RSA-SHA256 (what Jalon requires);
 * - `unsigned`: nothing is signed;
 * - `response-signed-only`: the Response is signed, the assertion inside it is not;
 * - `impostor`: signed with another key, that key's certificate in KeyInfo;
 * - `impostor-claiming-idp-cert`: signed with another key, the IdP's certificate in KeyInfo;
 * - `other-audience`: signed, but addressed to another service provider;
 * - `expired`: signed, its validity window (NotBefore/NotOnOrAfter) over an hour ago;
 * - `not-yet-valid`: signed, its validity window starting in an hour;
 * - `reused-assertion`: signed, answering the new request but carrying the previous
 *   response's assertion ID (an assertion presented twice).
 */
export type ResponseKind =
  | 'signed'
  | 'unsigned'
  | 'response-signed-only'
  | 'impostor'
  | 'impostor-claiming-idp-cert'
  | 'other-audience'
  | 'expired'
  | 'not-yet-valid'
  | 'reused-assertion';

/** A response the IdP handed to the browser, as the auto-submitting form carries it. */
export interface IssuedResponse {
  action: string;
  SAMLResponse: string;
  RelayState?: string;
  assertionId: string;
  kind: ResponseKind;
}

export interface SamlIdp {
  /** http://127.0.0.1:port */
  origin: string;
  entityId: string;
  /** where service providers send AuthnRequests (HTTP-Redirect binding) */
  ssoUrl: string;
  /** the signing certificate, PEM */
  certificate: string;
  /** the service provider this IdP answers (its metadata, as an administrator would load it) */
  trust(spMetadataXml: string): void;
  /** who is signed in at the IdP: the next requests are answered for them */
  signIn(user: SamlUser): void;
  /** how the next response is made (once; then back to `signed`) */
  spoilNext(kind: ResponseKind): void;
  /** a signed response the IdP sends of its own accord (IdP-initiated: answering no request) */
  initiate(): IssuedResponse;
  /** how far the IdP's clock is from the true time (ms; positive: ahead) */
  setClockOffset(ms: number): void;
  /** every response issued, oldest first */
  issued: IssuedResponse[];
  close(): Promise<void>;
}

const certBody = (certificate: string) =>
  certificate.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');

const xmlEscape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function attribute(
  naming: AttributeNaming,
  key: keyof typeof OID_ATTRIBUTES,
  value: string | undefined,
): string {
  if (!value) return '';
  const [name, format] = naming === 'oid' ? [OID_ATTRIBUTES[key], 'uri'] : [key, 'basic'];
  return (
    `<saml:Attribute Name="${name}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:${format}">` +
    `<saml:AttributeValue xsi:type="xs:string">${xmlEscape(value)}</saml:AttributeValue></saml:Attribute>`
  );
}

/**
 * How the IdP names the attributes it sends: by the names better-auth's SSO plugin reads by
 * default (`email`, `givenName`, `surname`, `displayName`), or by their LDAP OIDs with the URI
 * name format, as Shibboleth and the RENATER federation's IdPs do (SAML2Int, eduPerson).
 */
export type AttributeNaming = 'plugin-defaults' | 'oid';

export const OID_ATTRIBUTES = {
  email: 'urn:oid:0.9.2342.19200300.100.1.3',
  givenName: 'urn:oid:2.5.4.42',
  surname: 'urn:oid:2.5.4.4',
  displayName: 'urn:oid:2.16.840.1.113730.3.1.241',
} as const;

interface ResponseFacts {
  id: string;
  assertionId: string;
  issuer: string;
  destination: string;
  audience: string;
  /** the AuthnRequest answered; none when the IdP starts the sign-in itself */
  inResponseTo?: string;
  issued: Date;
  notBefore: Date;
  notOnOrAfter: Date;
  user: SamlUser;
  naming: AttributeNaming;
}

function responseXml(f: ResponseFacts): string {
  const issued = f.issued.toISOString();
  const notBefore = f.notBefore.toISOString();
  const notOnOrAfter = f.notOnOrAfter.toISOString();
  const issuer = `<saml:Issuer>${xmlEscape(f.issuer)}</saml:Issuer>`;
  const answering = f.inResponseTo ? ` InResponseTo="${f.inResponseTo}"` : '';
  return (
    '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ' +
    `ID="${f.id}" Version="2.0" IssueInstant="${issued}" Destination="${xmlEscape(f.destination)}"${answering}>` +
    issuer +
    `<samlp:Status><samlp:StatusCode Value="${SUCCESS}"/></samlp:Status>` +
    '<saml:Assertion xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xs="http://www.w3.org/2001/XMLSchema" ' +
    `ID="${f.assertionId}" Version="2.0" IssueInstant="${issued}">` +
    issuer +
    `<saml:Subject><saml:NameID Format="${NAMEID_EMAIL}">${xmlEscape(f.user.email)}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="${BEARER}"><saml:SubjectConfirmationData NotOnOrAfter="${notOnOrAfter}" ` +
    `Recipient="${xmlEscape(f.destination)}"${answering}/></saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotBefore="${notBefore}" NotOnOrAfter="${notOnOrAfter}">` +
    `<saml:AudienceRestriction><saml:Audience>${xmlEscape(f.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="${issued}" SessionIndex="_session-${f.assertionId}">` +
    `<saml:AuthnContext><saml:AuthnContextClassRef>${PASSWORD_CONTEXT}</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
    '<saml:AttributeStatement>' +
    attribute(f.naming, 'email', f.user.email) +
    attribute(f.naming, 'givenName', f.user.givenName) +
    attribute(f.naming, 'surname', f.user.surname) +
    attribute(f.naming, 'displayName', f.user.displayName) +
    '</saml:AttributeStatement></saml:Assertion></samlp:Response>'
  );
}

function sign(
  xml: string,
  what: 'assertion' | 'response',
  key: { privateKey: string; certificate: string },
): string {
  const assertion = what === 'assertion';
  return samlify.SamlLib.constructSAMLSignature({
    rawSamlMessage: xml,
    referenceTagXPath: assertion ? ASSERTION_XPATH : undefined,
    isMessageSigned: !assertion,
    privateKey: key.privateKey,
    signingCert: certBody(key.certificate),
    signatureAlgorithm: RSA_SHA256,
    isBase64Output: false,
    signatureConfig: {
      prefix: 'ds',
      location: {
        reference: assertion
          ? `${ASSERTION_XPATH}/*[local-name(.)='Issuer']`
          : "/*[local-name(.)='Response']/*[local-name(.)='Issuer']",
        action: 'after',
      },
    },
  }) as string;
}

/** The page an IdP answers with: a form that posts itself to the service provider. */
function autoPostPage(response: IssuedResponse): string {
  const field = (name: string, value: string) =>
    `<input type="hidden" name="${name}" value="${xmlEscape(value)}">`;
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Signing in…</title></head><body>' +
    `<form method="post" action="${xmlEscape(response.action)}">` +
    field('SAMLResponse', response.SAMLResponse) +
    (response.RelayState === undefined ? '' : field('RelayState', response.RelayState)) +
    '<noscript><button type="submit">Continue</button></noscript></form>' +
    '<script>document.forms[0].submit()</script></body></html>'
  );
}

/** Reads the auto-submitting form of an IdP's page, as a browser would submit it. */
export function readAutoPostForm(html: string): { action: string; fields: Record<string, string> } {
  const action = /<form[^>]*action="([^"]*)"/.exec(html)?.[1];
  if (!action) throw new Error('no form on the identity provider page');
  const htmlText = (text: string) =>
    text
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
    fields[m[1] as string] = htmlText(m[2] as string);
  return { action: htmlText(action), fields };
}

export async function startSamlIdp(options: { attributeNaming?: AttributeNaming } = {}): Promise<SamlIdp> {
  let sp: ReturnType<typeof samlify.ServiceProvider> | null = null;
  let user: SamlUser | null = null;
  let nextKind: ResponseKind = 'signed';
  let clockOffset = 0;
  const issued: IssuedResponse[] = [];

  const server: Server = createServer((req, res) => {
    handle(req.url ?? '/').then(
      ({ status, type, body }) => {
        res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
        res.end(body);
      },
      (err: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`identity provider error: ${err instanceof Error ? err.message : String(err)}`);
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const entityId = `${origin}/metadata`;
  const ssoUrl = `${origin}/sso`;
  const idp = samlify.IdentityProvider({
    entityID: entityId,
    signingCert: IDP_KEY.certificate,
    privateKey: IDP_KEY.privateKey,
    nameIDFormat: [NAMEID_EMAIL],
    singleSignOnService: [
      { Binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect', Location: ssoUrl },
    ],
  });

  async function handle(path: string) {
    const url = new URL(path, origin);
    if (url.pathname === '/metadata')
      return { status: 200, type: 'application/samlmetadata+xml', body: idp.getMetadata() };
    if (url.pathname !== '/sso') return { status: 404, type: 'text/plain', body: 'not found' };
    if (!sp) return { status: 400, type: 'text/plain', body: 'no service provider is trusted yet' };
    if (!user)
      return { status: 401, type: 'text/plain', body: 'nobody is signed in at the identity provider' };
    const query = Object.fromEntries(url.searchParams);
    const request = await idp.parseLoginRequest(sp, 'redirect', { query });
    const requestId = request.extract.request?.id;
    if (typeof requestId !== 'string')
      return { status: 400, type: 'text/plain', body: 'AuthnRequest without an ID' };
    // Answers go only where the trusted metadata says, whatever the request asks.
    const acs = String(sp.entityMeta.getAssertionConsumerService('post'));
    const asked = request.extract.request?.assertionConsumerServiceUrl;
    if (asked && asked !== acs)
      return {
        status: 400,
        type: 'text/plain',
        body: 'the request asks for an unknown assertion consumer service',
      };
    const response = respond({ requestId, acs, relayState: query.RelayState });
    return { status: 200, type: 'text/html; charset=utf-8', body: autoPostPage(response) };
  }

  function respond(input: { requestId?: string; acs: string; relayState?: string }): IssuedResponse {
    if (!sp || !user) throw new Error('no service provider or nobody signed in');
    const kind = nextKind;
    nextKind = 'signed';
    const now = Date.now() + clockOffset;
    const hour = 60 * 60 * 1000;
    const window =
      kind === 'expired'
        ? { notBefore: new Date(now - 2 * hour), notOnOrAfter: new Date(now - hour) }
        : kind === 'not-yet-valid'
          ? { notBefore: new Date(now + hour), notOnOrAfter: new Date(now + 2 * hour) }
          : { notBefore: new Date(now - 5_000), notOnOrAfter: new Date(now + 5 * 60_000) };
    const previous = issued.at(-1);
    if (kind === 'reused-assertion' && !previous) throw new Error('no earlier response to reuse');
    const assertionId =
      kind === 'reused-assertion' && previous ? previous.assertionId : `_a${randomUUID().replace(/-/g, '')}`;
    let xml = responseXml({
      id: `_r${randomUUID().replace(/-/g, '')}`,
      assertionId,
      issuer: entityId,
      destination: input.acs,
      audience:
        kind === 'other-audience' ? 'https://another-service.example/saml' : sp.entityMeta.getEntityID(),
      inResponseTo: input.requestId,
      issued: new Date(now),
      ...window,
      user,
      naming: options.attributeNaming ?? 'plugin-defaults',
    });
    if (kind === 'response-signed-only') xml = sign(xml, 'response', IDP_KEY);
    else if (kind === 'impostor') xml = sign(xml, 'assertion', IMPOSTOR_KEY);
    else if (kind === 'impostor-claiming-idp-cert')
      xml = sign(xml, 'assertion', { privateKey: IMPOSTOR_KEY.privateKey, certificate: IDP_KEY.certificate });
    else if (kind !== 'unsigned') xml = sign(xml, 'assertion', IDP_KEY);
    const response: IssuedResponse = {
      action: input.acs,
      SAMLResponse: Buffer.from(xml, 'utf8').toString('base64'),
      RelayState: input.relayState,
      assertionId,
      kind,
    };
    issued.push(response);
    return response;
  }

  return {
    origin,
    entityId,
    ssoUrl,
    certificate: IDP_KEY.certificate,
    trust(spMetadataXml) {
      sp = samlify.ServiceProvider({ metadata: spMetadataXml });
    },
    signIn(next) {
      user = next;
    },
    spoilNext(kind) {
      nextKind = kind;
    },
    initiate() {
      if (!sp) throw new Error('no service provider is trusted yet');
      return respond({ acs: String(sp.entityMeta.getAssertionConsumerService('post')) });
    },
    setClockOffset(ms) {
      clockOffset = ms;
    },
    issued,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
