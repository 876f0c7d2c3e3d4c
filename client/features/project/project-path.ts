/** The project room's address: /projects/:id, and nothing under it. The project id, or null. */
export function projectIdOfPath(pathname: string): string | null {
  const match = /^\/projects\/([^/]+)\/?$/.exec(pathname);
  // /projects/new is the new-project form, not a project.
  if (!match?.[1] || match[1] === 'new') return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}
