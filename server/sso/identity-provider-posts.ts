/**
 * Where a SAML identity provider's page posts the person's signed assertion: the assertion
 * consumer service of each connection. The browser sends that POST from the IdP's site, with the
 * IdP's Origin, so the same-origin rule for writes (server/http/security.ts) cannot hold for it.
 * What authenticates it instead is checked by better-auth's SSO plugin: the IdP's signature over
 * the assertion, its audience and validity window, and that it answers an AuthnRequest Jalon's
 * own sign-in created (InResponseTo), once.
 */
const ASSERTION_CONSUMER_SERVICE = /^\/api\/auth\/sso\/saml2\/sp\/acs\/[^/]+$/;

export const isIdentityProviderPost = (path: string): boolean => ASSERTION_CONSUMER_SERVICE.test(path);
