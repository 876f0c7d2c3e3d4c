/**
 * An organisation's identity provider, as the tests play it: SCIM 2.0 JSON over HTTP with the
 * bearer token a cluster manager issued, shaped as Microsoft Entra ID and Okta send it.
 */

export const SCIM_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const SCIM_ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

export interface ScimReply {
  status: number;
  body: any;
}

export function identityProvider(baseUrl: string, token: string) {
  async function call(method: string, path: string, body?: unknown): Promise<ScimReply> {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/scim+json',
        ...(body !== undefined ? { 'content-type': 'application/scim+json' } : {}),
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed };
  }
  return {
    call,
    /** POST /Users, as Entra ID provisions someone assigned to the application */
    createUser: (
      email: string,
      name: { givenName: string; familyName: string },
      externalId = crypto.randomUUID(),
    ) =>
      call('POST', '/Users', {
        schemas: [SCIM_USER],
        externalId,
        userName: email,
        active: true,
        displayName: `${name.givenName} ${name.familyName}`,
        name,
        emails: [{ value: email, type: 'work', primary: true }],
      }),
    /** Entra ID's deactivation: a path-less replace of `active` */
    deactivate: (id: string) =>
      call('PATCH', `/Users/${id}`, {
        schemas: [PATCH_OP],
        Operations: [{ op: 'replace', value: { active: false } }],
      }),
    /** Okta's reactivation: replace with a path */
    reactivate: (id: string) =>
      call('PATCH', `/Users/${id}`, {
        schemas: [PATCH_OP],
        Operations: [{ op: 'replace', path: 'active', value: true }],
      }),
    deleteUser: (id: string) => call('DELETE', `/Users/${id}`),
    listUsers: () => call('GET', '/Users'),
  };
}
