/**
 * The "Add a connection" form's values and their checks with the server's own schemas
 * (shared/schemas/sso.ts), each failure told next to its field in the user's language; and the
 * server's refusals (the identity provider's failed checks, a domain already covered) put next
 * to the field they are about.
 */
import {
  CreateOidcConnection,
  CreateSamlConnection,
  type CreateSsoConnectionBody,
  MAX_DOMAINS,
} from '../../../../shared/schemas/sso.ts';
import type { Messages } from '../../../i18n/messages.ts';

export type SamlSource = 'fields' | 'metadata';

export interface SsoFormValues {
  organisationId: string;
  protocol: 'oidc' | 'saml';
  domains: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  samlSource: SamlSource;
  entityId: string;
  entryPoint: string;
  certificate: string;
  metadataXml: string;
}

export type SsoField = Exclude<keyof SsoFormValues, 'protocol' | 'samlSource'>;

export const emptySsoValues = (): SsoFormValues => ({
  organisationId: '',
  protocol: 'oidc',
  domains: '',
  issuer: '',
  clientId: '',
  clientSecret: '',
  samlSource: 'fields',
  entityId: '',
  entryPoint: '',
  certificate: '',
  metadataXml: '',
});

/** "chvb.example, lab.chvb.example" or one a line: the list the server expects. */
export function domainList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((d) => d.trim().toLowerCase())
    .filter(Boolean);
}

const optional = (s: string) => (s.trim() ? s : undefined);

export function bodyOf(v: SsoFormValues): CreateSsoConnectionBody {
  const common = { organisationId: v.organisationId, domains: domainList(v.domains) };
  if (v.protocol === 'oidc')
    return {
      protocol: 'oidc',
      ...common,
      issuer: v.issuer,
      clientId: v.clientId,
      clientSecret: v.clientSecret,
    };
  return v.samlSource === 'metadata'
    ? { protocol: 'saml', ...common, metadataXml: v.metadataXml }
    : {
        protocol: 'saml',
        ...common,
        entityId: optional(v.entityId),
        entryPoint: optional(v.entryPoint),
        certificate: optional(v.certificate),
      };
}

type Errors = Messages['adminSso']['form']['errors'];

function domainMessage(v: SsoFormValues, t: Errors): string {
  const list = domainList(v.domains);
  if (list.length === 0) return t.domainsMissing;
  if (list.length > MAX_DOMAINS) return t.domainsTooMany(String(MAX_DOMAINS));
  if (new Set(list).size !== list.length) return t.domainsTwice;
  return t.domains;
}

function messageFor(field: SsoField, code: string, v: SsoFormValues, t: Errors): string {
  if (code === 'too_big') return t.tooLong;
  switch (field) {
    case 'organisationId':
      return t.organisation;
    case 'domains':
      return domainMessage(v, t);
    case 'issuer':
    case 'entryPoint':
      return t.url;
    default:
      return t[field];
  }
}

/** One message per field that the server's schema would refuse. */
export function validate(v: SsoFormValues, t: Errors): Partial<Record<SsoField, string>> {
  const result = (v.protocol === 'oidc' ? CreateOidcConnection : CreateSamlConnection).safeParse(bodyOf(v));
  if (result.success) return {};
  const errors: Partial<Record<SsoField, string>> = {};
  const put = (field: SsoField, code: string) => {
    errors[field] ??= messageFor(field, code, v, t);
  };
  for (const issue of result.error.issues) {
    const head = issue.path[0];
    if (typeof head === 'string' && head in v && head !== 'protocol') put(head as SsoField, issue.code);
    else if (issue.path.length === 0 && v.protocol === 'saml') {
      // the refinement "all three settings, or the metadata": each missing one is named
      if (v.samlSource === 'metadata') put('metadataXml', issue.code);
      else
        for (const f of ['entityId', 'entryPoint', 'certificate'] as const)
          if (!v[f].trim()) put(f, issue.code);
    }
  }
  return errors;
}

/** The field a check of the server's refusal is about (discovery, issuer…, entity id, certificate…). */
export function fieldOfCheck(name: string, v: SsoFormValues): SsoField | null {
  if (v.protocol === 'oidc')
    return ['discovery', 'issuer', 'endpoints', 'keys'].includes(name) ? 'issuer' : null;
  if (v.samlSource === 'metadata') return 'metadataXml';
  if (name === 'entity id') return 'entityId';
  if (name === 'sign-in URL') return 'entryPoint';
  if (name === 'certificate') return 'certificate';
  return null;
}

/** The server's path of a schema refusal ("domains.0", "issuer") as a field of the form. */
export function fieldOfPath(path: string, v: SsoFormValues): SsoField | null {
  const head = path.split('.')[0] ?? '';
  return head in v && head !== 'protocol' && head !== 'samlSource' ? (head as SsoField) : null;
}

/** The typed domains that one of `existing` already covers (the same domain, a parent or a child). */
export function coveredDomains(typed: string[], existing: string[]): string[] {
  return typed.filter((d) => existing.some((e) => d === e || d.endsWith(`.${e}`) || e.endsWith(`.${d}`)));
}
