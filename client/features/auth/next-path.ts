/**
 * Where to go after signing in. Only a path on this site is accepted ("/…", not "//host" nor
 * "/\\host", which browsers treat as another origin), so a crafted link cannot send someone
 * elsewhere after they type their password.
 */
export function safeNextPath(raw: string | string[] | undefined | null): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value.startsWith('/sign-in')) return '/';
  return value;
}

export function signInHref(next: string): string {
  return next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`;
}
