/**
 * Which connection covers an address: a connection lists e-mail domains, and covers an address
 * whose domain is one of them or a subdomain of one (as the SSO plugin matches them). Pure.
 */

/** The domains a connection stores, comma-separated in sso_provider.domain. */
export function parseDomains(stored: string): string[] {
  return stored
    .split(',')
    .map((d) => d.trim().toLowerCase())
    .filter((d) => d.length > 0);
}

export function joinDomains(domains: readonly string[]): string {
  return domains.join(',');
}

/** The domain part of an address, lower case; null when it has none. */
export function domainOf(address: string): string | null {
  const at = address.lastIndexOf('@');
  if (at < 1 || at === address.length - 1) return null;
  return address
    .slice(at + 1)
    .trim()
    .toLowerCase();
}

export function domainCovers(domain: string, addressDomain: string): boolean {
  return addressDomain === domain || addressDomain.endsWith(`.${domain}`);
}

/** Whether one of these domains covers the address. */
export function coversAddress(domains: readonly string[], address: string): boolean {
  const addressDomain = domainOf(address);
  return addressDomain !== null && domains.some((d) => domainCovers(d, addressDomain));
}

/**
 * A domain may belong to one connection only: the domains of `wanted` that overlap one already
 * taken (equal, or one inside the other, since both would match the same addresses).
 */
export function overlappingDomains(wanted: readonly string[], taken: readonly string[]): string[] {
  return wanted.filter((w) => taken.some((t) => domainCovers(t, w) || domainCovers(w, t)));
}
