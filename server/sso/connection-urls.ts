/** What a cluster's IT gives its identity provider for one connection, from Jalon's public URL. */

export function connectionUrls(publicUrl: string, providerId: string, protocol: 'oidc' | 'saml') {
  const base = `${publicUrl.replace(/\/+$/, '')}/api/auth/sso`;
  const id = encodeURIComponent(providerId);
  const spMetadata = `${base}/saml2/sp/metadata?providerId=${id}`;
  return protocol === 'oidc'
    ? { redirect: `${base}/callback/${id}`, acs: null, spMetadata: null, entityId: null }
    : // The service provider's entity id (the audience of the assertions) is its metadata URL.
      { redirect: null, acs: `${base}/saml2/sp/acs/${id}`, spMetadata, entityId: spMetadata };
}
