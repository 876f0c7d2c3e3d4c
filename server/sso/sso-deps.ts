/** What the single sign-on use cases need besides the services' usual dependencies. */
import type { Auth } from '../auth/auth.ts';
import type { ServiceDeps } from '../deps.ts';
import type { IssuerTrust } from './issuer-trust.ts';

export interface SsoDeps extends ServiceDeps {
  auth: Auth;
  issuerTrust: IssuerTrust;
}

/** After a connection changed: the origins better-auth may fetch from, on both of its paths. */
export async function retrust(deps: SsoDeps): Promise<void> {
  await deps.issuerTrust.refresh();
  deps.issuerTrust.syncTo(await deps.auth.$context);
}
