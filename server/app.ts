/**
 * The HTTP application: security middleware, better-auth at /api/auth, each domain's routes
 * under /api, the OpenAPI document, the built client, and the one place errors become replies.
 */

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { analyticsRoutes } from './analytics/analytics.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { type Auth, CLIENT_IP_HEADER } from './auth/auth.ts';
import { TooManyAttempts } from './auth/password-attempts.ts';
import {
  limitReauthentication,
  limitSecondStep,
  limitSignIn,
  REAUTHENTICATION_PATHS,
  SECOND_STEP_PATHS,
  SIGN_IN_PATH,
} from './auth/sign-in-limit.ts';
import { catalogueRoutes } from './catalogue/catalogue.routes.ts';
import { commentRoutes } from './comments/comments.routes.ts';
import type { Config } from './config.ts';
import type { ServiceDeps } from './deps.ts';
import { AppError, toAppError, toErrorBody } from './errors.ts';
import { evidenceRoutes, isEvidenceUpload } from './evidence/evidence.routes.ts';
import { frameworkRoutes } from './frameworks/frameworks.routes.ts';
import { frameworkAdminRoutes } from './frameworks/frameworks-admin.routes.ts';
import { gateRoutes } from './gates/gates.routes.ts';
import { historyRoutes } from './history/history.routes.ts';
import { clientIp } from './http/client-ip.ts';
import type { AppEnv } from './http/context.ts';
import { logSafePath } from './http/log-safe-path.ts';
import { requestLog } from './http/request-log.ts';
import { limitBodies, requestBudget, sameOriginWrites, securityHeaders } from './http/security.ts';
import { resolveActor } from './http/session.ts';
import { refuseIllFormedText } from './http/well-formed-text.ts';
import { meRoutes } from './me/me.routes.ts';
import { sessionRoutes } from './me/sessions.routes.ts';
import { memberRoutes } from './members/members.routes.ts';
import { mentorRoutes } from './mentors/mentors.routes.ts';
import { notificationRoutes } from './notifications/notifications.routes.ts';
import { organisationRoutes } from './organisations/organisations.routes.ts';
import { organisationAdminRoutes } from './organisations/organisations-admin.routes.ts';
import { peopleRoutes } from './people/people.routes.ts';
import { projectRoutes } from './projects/projects.routes.ts';
import { reportRoutes } from './reports/reports.routes.ts';
import { searchRoutes } from './search/search.routes.ts';
import { serviceRequestRoutes } from './service-requests/service-requests.routes.ts';
import { settingsRoutes } from './settings/settings.routes.ts';
import { isIdentityProviderPost } from './sso/identity-provider-posts.ts';
import type { IssuerTrust } from './sso/issuer-trust.ts';
import { scimAdminRoutes } from './sso/scim.routes.ts';
import { scimCatalog } from './sso/scim-catalog.ts';
import { limitScimBodies, SCIM_METHODS, SCIM_PATH, scimIngress } from './sso/scim-ingress.ts';
import { ssoRoutes } from './sso/sso.routes.ts';
import { tokenRoutes } from './tokens/tokens.routes.ts';

export interface AppDeps extends ServiceDeps {
  auth: Auth;
  /** the identity providers' origins better-auth may fetch from */
  issuerTrust: IssuerTrust;
  config: Config;
  /** the built client (dist/client); absent in API-only tests */
  clientDir?: string;
  /** whether this node should receive traffic (database and Redis reachable, not stopping) */
  readiness?: () => Promise<Readiness>;
}

export interface Readiness {
  ready: boolean;
  /** each dependency: "ok", or why it is not */
  checks: Record<string, string>;
}

/** API requests a minute per person (session or token); signed-out requests count per address */
export const API_REQUESTS_PER_MINUTE = 1200;
/** API requests a minute per client address, all people behind it together (a hospital's NAT) */
export const ADDRESS_REQUESTS_PER_MINUTE = 12_000;

export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  app.use('*', securityHeaders());
  app.use('*', clientIp({ trustedHops: deps.config.trustProxy ? deps.config.trustProxyHops : 0 }));

  const api = new OpenAPIHono<AppEnv>();
  const bodies = limitBodies();
  api.use('*', requestLog(deps.log));
  api.use(
    '*',
    requestBudget({ perCredential: API_REQUESTS_PER_MINUTE, perAddress: ADDRESS_REQUESTS_PER_MINUTE }),
  );
  api.use('/auth/scim/*', limitScimBodies());
  // Evidence uploads read their own body, within the evidence file limit (server/evidence/read-upload.ts).
  api.use('*', (c, next) => (isEvidenceUpload(c.req.method, c.req.path) ? next() : bodies(c, next)));
  api.use('*', sameOriginWrites(deps.config.allowedOrigins, { crossSiteByDesign: isIdentityProviderPost }));
  // Before better-auth and every route: text the database would store altered is refused.
  api.use('*', refuseIllFormedText());
  // `demo` lets the sign-in page show the demo accounts only where they exist, `signup` the
  // sign-up link only where sign-up is open, `mail` the reset form only where a link can be sent.
  api.get('/health', (c) =>
    c.json({ ok: true, demo: deps.config.demo, signup: deps.config.signup, mail: deps.config.smtp !== null }),
  );
  // For the load balancer: 503 while a dependency is down or the node is stopping.
  api.get('/ready', async (c) => {
    const r = (await deps.readiness?.()) ?? { ready: true, checks: {} };
    return c.json(r, r.ready ? 200 : 503);
  });
  api.use(SIGN_IN_PATH, limitSignIn(deps.passwordAttempts));
  for (const path of REAUTHENTICATION_PATHS)
    api.use(path, limitReauthentication(deps.passwordAttempts, deps.auth));
  for (const path of SECOND_STEP_PATHS) api.use(path, limitSecondStep(deps.passwordAttempts));
  api.on(SCIM_METHODS, SCIM_PATH, scimIngress(deps));
  api.on(['GET', 'POST'], '/auth/*', (c) => {
    const headers = new Headers(c.req.raw.headers);
    headers.set(CLIENT_IP_HEADER, c.get('clientIp'));
    return deps.auth.handler(new Request(c.req.raw, { headers }));
  });
  api.use('*', resolveActor(deps));
  for (const routes of [
    meRoutes,
    tokenRoutes,
    sessionRoutes,
    projectRoutes,
    memberRoutes,
    organisationRoutes,
    organisationAdminRoutes,
    frameworkRoutes,
    frameworkAdminRoutes,
    searchRoutes,
    commentRoutes,
    auditRoutes,
    gateRoutes,
    evidenceRoutes,
    reportRoutes,
    notificationRoutes,
    historyRoutes,
    analyticsRoutes,
    catalogueRoutes,
    serviceRequestRoutes,
    mentorRoutes,
    peopleRoutes,
    settingsRoutes,
    ssoRoutes,
  ]) {
    api.route('/', routes(deps));
  }
  api.route('/', scimAdminRoutes({ ...deps, scim: scimCatalog(deps.auth) }));
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Jalon API',
      version: '1',
      description:
        'The REST API of Jalon. Sign in with POST /api/auth/sign-in/email { email, password }; the session cookie authenticates later calls. Errors are { error: { code, message } }.',
    },
  });
  api.notFound((c) =>
    c.json(toErrorBody(new AppError('not_found', `No route ${c.req.method} ${c.req.path}`)), 404),
  );
  app.route('/api', api);

  if (deps.clientDir && existsSync(join(deps.clientDir, 'index.html'))) {
    const indexHtml = readFileSync(join(deps.clientDir, 'index.html'), 'utf8');
    // Assets are named after their content: a browser keeps them for good and never asks
    // again. The rest (the app shell, the icon) is checked on every visit.
    const cacheFor = (policy: string) => (_path: string, c: Context) =>
      void c.header('Cache-Control', policy);
    const statics = { root: deps.clientDir, precompressed: true };
    app.use(
      '/assets/*',
      serveStatic({ ...statics, onFound: cacheFor('public, max-age=31536000, immutable') }),
    );
    // A missing asset is an error, not the app shell (a page still running an older build).
    app.get('/assets/*', (c) =>
      c.json(toErrorBody(new AppError('not_found', `No asset ${c.req.path}`)), 404),
    );
    app.use('*', serveStatic({ ...statics, onFound: cacheFor('no-cache') }));
    // The client routes itself: every other GET is the app shell.
    app.get('*', (c) => {
      c.header('Cache-Control', 'no-cache');
      return c.html(indexHtml);
    });
  }

  app.onError((err, c) => {
    const error = err instanceof HTTPException ? fromHttpException(err) : toAppError(err);
    if (error instanceof TooManyAttempts) c.header('Retry-After', String(error.retryAfterSeconds));
    if (error.code === 'internal') deps.log.error({ err, path: logSafePath(c.req.path) }, 'request failed');
    return c.json(toErrorBody(error), error.status);
  });
  return app;
}

function fromHttpException(err: HTTPException): AppError {
  if (err.status === 413) return new AppError('too_large', err.message || 'Request body too large');
  if (err.status === 400) return new AppError('invalid_input', err.message || 'Malformed request');
  if (err.status === 401) return new AppError('unauthenticated', 'Sign in first');
  if (err.status === 403) return new AppError('forbidden', err.message || 'Forbidden');
  if (err.status === 415)
    return new AppError(
      'unsupported_media_type',
      'Send the request body as JSON (Content-Type: application/json)',
    );
  if (err.status === 429) return new AppError('rate_limited', 'Too many requests');
  return new AppError('internal', 'Something went wrong on our side; nothing was saved.');
}
