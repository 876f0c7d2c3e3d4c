/** Whether this server lets people sign themselves up (SIGNUP=open), as its health check says. */
export async function signUpOpen(): Promise<boolean> {
  try {
    const res = await fetch('/api/health', { headers: { accept: 'application/json' } });
    const body: unknown = await res.json();
    return !!body && typeof body === 'object' && 'signup' in body && body.signup === 'open';
  } catch (err) {
    console.warn('health check failed', err);
    return false;
  }
}
