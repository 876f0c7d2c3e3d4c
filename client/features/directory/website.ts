/** An organisation's website as the directory links it: checked, and shortened for reading. */

/**
 * The address to link an organisation's website to, or null. The server only stores http(s)
 * addresses, but an href is where a `javascript:` address would run, so it is checked again here.
 */
export function websiteHref(website: string | null | undefined): string | null {
  if (!website) return null;
  try {
    const url = new URL(website);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    // not an absolute address: nothing to link to
    return null;
  }
}

/** What the link reads: the site's host without "www.", shorter than the whole address. */
export function websiteText(href: string): string {
  return new URL(href).host.replace(/^www\./, '');
}
