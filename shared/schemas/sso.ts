/**
 * Single sign-on, on the wire: the connections a cluster manager adds, tests and removes
 * (/api/admin/sso/connections), and how an address signs in (/api/sign-in-method).
 *
 * A connection belongs to one organisation and covers one or more e-mail domains (a domain and
 * its subdomains); its secrets are written once and never read back.
 */
import { z } from 'zod';

export const MAX_DOMAINS = 20;
export const MAX_DOMAIN_LENGTH = 253;
export const MAX_CERTIFICATE_LENGTH = 16_000;
export const MAX_METADATA_LENGTH = 100_000;
export const MAX_SECRET_LENGTH = 500;
export const MAX_ADDRESS_LENGTH = 254;

/** A lower-case DNS name with at least two labels and a letter-only last label (no IP, no port). */
const DOMAIN_PATTERN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export const Domain = z
  .string()
  .trim()
  .toLowerCase()
  .max(MAX_DOMAIN_LENGTH)
  .regex(DOMAIN_PATTERN, 'Write a domain name such as hospital.example (no @, no https://)');

const Domains = z
  .array(Domain)
  .min(1, 'Add at least one e-mail domain')
  .max(MAX_DOMAINS, `At most ${MAX_DOMAINS} domains`)
  .refine((list) => new Set(list).size === list.length, 'A domain is listed twice');

const HttpsUrl = z
  .string()
  .trim()
  .max(2000)
  .url('Write a full address starting with https://')
  .refine((u) => /^https?:\/\//i.test(u), 'Write a full address starting with https://');

export const CreateOidcConnection = z
  .object({
    protocol: z.literal('oidc'),
    organisationId: z.string().min(1).max(64),
    domains: Domains,
    /** the provider's issuer: its discovery document is at issuer/.well-known/openid-configuration */
    issuer: HttpsUrl,
    clientId: z.string().trim().min(1, 'The client id is required').max(MAX_SECRET_LENGTH),
    clientSecret: z.string().min(1, 'The client secret is required').max(MAX_SECRET_LENGTH),
  })
  .strict();

export const CreateSamlConnection = z
  .object({
    protocol: z.literal('saml'),
    organisationId: z.string().min(1).max(64),
    domains: Domains,
    /** the identity provider's entity id (its issuer) */
    entityId: z.string().trim().min(1).max(1000).optional(),
    /** where the identity provider signs people in (its single sign-on URL) */
    entryPoint: HttpsUrl.optional(),
    /** the certificate the identity provider signs its assertions with, PEM */
    certificate: z.string().trim().min(1).max(MAX_CERTIFICATE_LENGTH).optional(),
    /** or the identity provider's metadata XML, which carries all three */
    metadataXml: z.string().trim().min(1).max(MAX_METADATA_LENGTH).optional(),
  })
  .strict()
  .refine(
    (b) => b.metadataXml !== undefined || (b.entityId && b.entryPoint && b.certificate),
    'Give the entity id, sign-in URL and signing certificate, or the metadata XML instead',
  );

export const CreateSsoConnectionBody = z.union([CreateOidcConnection, CreateSamlConnection]);
export type CreateSsoConnectionBody = z.infer<typeof CreateSsoConnectionBody>;
export type CreateOidcConnection = z.infer<typeof CreateOidcConnection>;
export type CreateSamlConnection = z.infer<typeof CreateSamlConnection>;

export const SsoProtocol = z.enum(['oidc', 'saml']);
export type SsoProtocol = z.infer<typeof SsoProtocol>;

/** One check of a test, in words a cluster manager can act on. */
export const SsoCheck = z.object({
  name: z.string(),
  ok: z.boolean(),
  detail: z.string(),
});
export type SsoCheck = z.infer<typeof SsoCheck>;

export const SsoTestResult = z.object({
  ok: z.boolean(),
  at: z.string(),
  checks: z.array(SsoCheck),
});
export type SsoTestResult = z.infer<typeof SsoTestResult>;

export const SsoConnection = z.object({
  /** the plugin's provider id: part of the URLs given to the identity provider */
  id: z.string(),
  protocol: SsoProtocol,
  organisation: z.object({ id: z.string(), name: z.string() }).nullable(),
  domains: z.array(z.string()),
  issuer: z.string(),
  /** OIDC: the client id's last four characters; never the secret */
  clientIdEnd: z.string().nullable(),
  /** SAML: the sign-in URL of the identity provider */
  entryPoint: z.string().nullable(),
  /** what to give the identity provider */
  urls: z.object({
    redirect: z.string().nullable(),
    acs: z.string().nullable(),
    spMetadata: z.string().nullable(),
    entityId: z.string().nullable(),
  }),
  activity: z.object({
    lastSignInAt: z.string().nullable(),
    signIns: z.number().int(),
    lastErrorAt: z.string().nullable(),
    lastError: z.string().nullable(),
    errors: z.number().int(),
    lastTest: SsoTestResult.nullable(),
  }),
});
export type SsoConnection = z.infer<typeof SsoConnection>;

export const SsoConnectionList = z.object({ connections: z.array(SsoConnection) });

export const SignInMethodQuery = z.object({
  email: z.string().trim().min(3).max(MAX_ADDRESS_LENGTH).email('Write an e-mail address'),
});

export const SignInMethod = z.union([
  z.object({ method: z.literal('password') }),
  z.object({ method: z.literal('sso'), organisation: z.string() }),
]);
export type SignInMethod = z.infer<typeof SignInMethod>;
