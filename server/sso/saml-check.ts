/**
 * Checks a SAML identity provider's settings a cluster manager can act on: the signing
 * certificate parses and is in its validity period (and for how long), the sign-in URL is a web
 * address. Reads the entity id, sign-in URL and certificate out of metadata XML when that is
 * what was given.
 */
import { X509Certificate } from 'node:crypto';
import type { SsoCheck } from '../../shared/schemas/sso.ts';

const SOON_DAYS = 30;
const DAY_MS = 86_400_000;

export interface SamlSettings {
  entityId: string | null;
  entryPoint: string | null;
  certificate: string | null;
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\b${name}\\s*=\\s*"([^"]{1,2000})"`).exec(tag);
  return match?.[1] ?? null;
}

/** The three settings out of IdP metadata XML (the first sign-in URL with a redirect or POST binding). */
export function samlSettingsFromMetadata(xml: string): SamlSettings {
  const entity = /<(?:\w+:)?EntityDescriptor\b[^>]*>/.exec(xml)?.[0];
  const services = xml.match(/<(?:\w+:)?SingleSignOnService\b[^>]*>/g) ?? [];
  const service =
    services.find((s) => /HTTP-Redirect/.test(s)) ?? services.find((s) => /HTTP-POST/.test(s)) ?? services[0];
  const cert =
    /<(?:\w+:)?X509Certificate>\s*([A-Za-z0-9+/=\s]{100,16000}?)\s*<\/(?:\w+:)?X509Certificate>/.exec(
      xml,
    )?.[1];
  return {
    entityId: entity ? attribute(entity, 'entityID') : null,
    entryPoint: service ? attribute(service, 'Location') : null,
    certificate: cert ? toPem(cert) : null,
  };
}

function toPem(base64: string): string {
  const body = base64.replace(/\s+/g, '');
  const lines = body.match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----`;
}

/** A certificate given as PEM or as bare base64, in PEM. */
export function normalisePem(text: string): string {
  return text.includes('-----BEGIN') ? text.trim() : toPem(text);
}

export function checkSamlSettings(settings: SamlSettings, now: Date): SsoCheck[] {
  const checks: SsoCheck[] = [];
  checks.push(
    settings.entityId
      ? { name: 'entity id', ok: true, detail: `the identity provider is ${settings.entityId}` }
      : { name: 'entity id', ok: false, detail: 'no entity id: copy it from the identity provider' },
  );
  let entryOk = false;
  try {
    const url = new URL(settings.entryPoint ?? '');
    entryOk = url.protocol === 'https:' || url.protocol === 'http:';
  } catch {}
  checks.push({
    name: 'sign-in URL',
    ok: entryOk,
    detail: entryOk
      ? `people are sent to ${settings.entryPoint}`
      : 'the sign-in URL is missing or is not a web address',
  });
  if (!settings.certificate) {
    checks.push({ name: 'certificate', ok: false, detail: 'no signing certificate' });
    return checks;
  }
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(normalisePem(settings.certificate));
  } catch {
    checks.push({
      name: 'certificate',
      ok: false,
      detail: 'the signing certificate cannot be read: paste it as PEM (-----BEGIN CERTIFICATE-----)',
    });
    return checks;
  }
  const from = new Date(cert.validFrom);
  const to = new Date(cert.validTo);
  const days = Math.floor((to.getTime() - now.getTime()) / DAY_MS);
  const inPeriod = from <= now && now < to;
  checks.push({
    name: 'certificate',
    ok: inPeriod,
    detail: !inPeriod
      ? now < from
        ? `the signing certificate is valid only from ${from.toISOString().slice(0, 10)}`
        : `the signing certificate expired on ${to.toISOString().slice(0, 10)}: ask for the new one`
      : days < SOON_DAYS
        ? `the signing certificate expires in ${days} day(s), on ${to.toISOString().slice(0, 10)}: ask for the next one`
        : `the signing certificate is valid until ${to.toISOString().slice(0, 10)}`,
  });
  return checks;
}
