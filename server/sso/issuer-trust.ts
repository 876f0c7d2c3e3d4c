/**
 * The identity providers' origins better-auth may fetch from. The SSO plugin fetches discovery
 * documents, tokens and keys only from origins its `isTrustedOrigin` accepts (or, for the
 * endpoints, from public hosts), so the origins of every registered connection join the
 * cluster's own allowed origins in better-auth's `trustedOrigins`.
 *
 * better-auth asks for the list on every HTTP request, so it is cached here; it is reloaded
 * when this node changes a connection and at least once a minute (another node may have).
 * Calls through `auth.api` read the list better-auth computed when it started; `syncTo` brings
 * that one up to date too.
 */
import type { Db } from '../db/client.ts';
import type { Logger } from '../log.ts';
import { loadConnections } from './connections.ts';

const FRESH_FOR_MS = 60_000;
const OIDC_URL_FIELDS = [
  'issuer',
  'discoveryEndpoint',
  'authorizationEndpoint',
  'tokenEndpoint',
  'jwksEndpoint',
  'userInfoEndpoint',
] as const;

function originOf(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** The origins one connection's configuration fetches from. */
export function connectionOrigins(issuer: string, oidcConfig: Record<string, unknown> | null): string[] {
  const urls: unknown[] = [issuer, ...OIDC_URL_FIELDS.map((f) => oidcConfig?.[f])];
  return [...new Set(urls.map(originOf).filter((o): o is string => o !== null))];
}

export interface IssuerTrust {
  /** the cluster's allowed origins and every connection's, for better-auth's `trustedOrigins` */
  origins(): Promise<string[]>;
  /** reload from the database now (after a connection changed) */
  refresh(): Promise<void>;
  /** trust these origins too until the next reload (a connection about to be registered) */
  admit(origins: readonly string[]): void;
  /** apply the current list to better-auth's own context, which `auth.api` calls read */
  syncTo(context: { trustedOrigins: string[] }): void;
}

export function createIssuerTrust(deps: {
  db: Db;
  log: Logger;
  allowedOrigins: readonly string[];
}): IssuerTrust {
  let connectionList: string[] = [];
  let admitted: string[] = [];
  let loadedAt = Number.NEGATIVE_INFINITY;
  let loading: Promise<void> | null = null;

  const all = () => [...new Set([...deps.allowedOrigins, ...connectionList, ...admitted])];

  async function load(): Promise<void> {
    try {
      const connections = await loadConnections(deps.db);
      connectionList = connections.flatMap((c) => connectionOrigins(c.issuer, c.oidcConfig));
      admitted = [];
      loadedAt = Date.now();
    } catch (err) {
      // Keep the last list: a failed read must not trust more, and trusting less only
      // refuses a sign-in, which the person can retry.
      deps.log.warn({ err }, 'could not read the single sign-on connections');
    }
  }

  function refresh(): Promise<void> {
    loading ??= load().finally(() => {
      loading = null;
    });
    return loading;
  }

  return {
    async origins() {
      if (Date.now() - loadedAt > FRESH_FOR_MS) await refresh();
      return all();
    },
    refresh,
    admit(origins) {
      admitted = [...new Set([...admitted, ...origins])];
    },
    syncTo(context) {
      context.trustedOrigins = all();
    },
  };
}
