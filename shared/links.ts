/**
 * Which links rich text may carry: only `http:`, `https:` and `mailto:`. A link to
 * `javascript:` runs script in the reader's session when clicked; `data:` and the other schemes
 * can dress up a page as ours. The editor renders a link only through this rule and the server
 * refuses a document update that stores another (doc/validate.ts).
 */

const LINK_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);
const MAX_HREF_LENGTH = 2048;

/**
 * The link as it may be rendered (normalised by the URL parser, as a browser would read it),
 * or null when it must not be a link. Only absolute URLs: a relative one has no scheme to check.
 */
export function safeLinkHref(href: unknown): string | null {
  if (typeof href !== 'string' || href.length > MAX_HREF_LENGTH) return null;
  let url: URL;
  try {
    // The parser drops the tabs, newlines and leading controls that browsers ignore too, so
    // `java\tscript:` is judged as the `javascript:` a browser would run.
    url = new URL(href);
  } catch {
    return null;
  }
  return LINK_SCHEMES.has(url.protocol) ? url.href : null;
}
