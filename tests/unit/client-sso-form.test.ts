/**
 * The "Add a connection" form's checks (client/features/admin/sso/sso-form.ts): what the
 * server's schema would refuse is named next to its field in the reader's language before any
 * request; the server's failed checks land on the field to fix; a domain already covered by a
 * connection (itself, a parent or a child) is caught.
 */
import { describe, expect, it } from 'vitest';
import {
  bodyOf,
  coveredDomains,
  domainList,
  emptySsoValues,
  fieldOfCheck,
  type SsoFormValues,
  validate,
} from '../../client/features/admin/sso/sso-form.ts';
import { en } from '../../client/i18n/en.ts';
import { fr } from '../../client/i18n/fr.ts';

const oidc = (patch: Partial<SsoFormValues> = {}): SsoFormValues => ({
  ...emptySsoValues(),
  organisationId: 'org-1',
  domains: 'chvb.example',
  issuer: 'https://id.chvb.example',
  clientId: 'jalon',
  clientSecret: 's3cret',
  ...patch,
});

describe('the SSO connection form', () => {
  it('accepts a complete OIDC connection and sends the domains as a list', () => {
    expect(validate(oidc({ domains: 'CHVB.example, lab.chvb.example' }), en.adminSso.form.errors)).toEqual(
      {},
    );
    expect(bodyOf(oidc({ domains: 'a.example\nb.example' }))).toMatchObject({
      protocol: 'oidc',
      domains: ['a.example', 'b.example'],
    });
  });

  it('names each field to fix, in the reader’s language', () => {
    const errors = validate(emptySsoValues(), fr.adminSso.form.errors);
    expect(errors).toEqual({
      organisationId: fr.adminSso.form.errors.organisation,
      domains: fr.adminSso.form.errors.domainsMissing,
      issuer: fr.adminSso.form.errors.url,
      clientId: fr.adminSso.form.errors.clientId,
      clientSecret: fr.adminSso.form.errors.clientSecret,
    });
    expect(validate(oidc({ domains: 'https://chvb' }), en.adminSso.form.errors).domains).toBe(
      en.adminSso.form.errors.domains,
    );
    expect(validate(oidc({ domains: 'a.example, a.example' }), en.adminSso.form.errors).domains).toBe(
      en.adminSso.form.errors.domainsTwice,
    );
  });

  it('SAML: each missing setting, or the metadata instead', () => {
    const saml = oidc({ protocol: 'saml', entityId: 'urn:idp' });
    expect(Object.keys(validate(saml, en.adminSso.form.errors)).sort()).toEqual([
      'certificate',
      'entryPoint',
    ]);
    const metadata = oidc({ protocol: 'saml', samlSource: 'metadata' });
    expect(Object.keys(validate(metadata, en.adminSso.form.errors))).toEqual(['metadataXml']);
    expect(validate({ ...metadata, metadataXml: '<EntityDescriptor/>' }, en.adminSso.form.errors)).toEqual(
      {},
    );
  });

  it('puts the server’s failed checks on the field to fix', () => {
    expect(fieldOfCheck('keys', oidc())).toBe('issuer');
    expect(fieldOfCheck('certificate', oidc({ protocol: 'saml' }))).toBe('certificate');
    expect(fieldOfCheck('sign-in URL', oidc({ protocol: 'saml' }))).toBe('entryPoint');
    expect(fieldOfCheck('certificate', oidc({ protocol: 'saml', samlSource: 'metadata' }))).toBe(
      'metadataXml',
    );
  });

  it('finds the domains a connection already covers: the same, a subdomain or a parent', () => {
    expect(coveredDomains(domainList('lab.chvb.example, other.example, example'), ['chvb.example'])).toEqual([
      'lab.chvb.example',
      'example',
    ]);
    expect(coveredDomains(['notchvb.example'], ['chvb.example'])).toEqual([]);
  });
});
