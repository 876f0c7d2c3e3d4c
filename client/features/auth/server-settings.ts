/**
 * What this server offers signed-out visitors, as its health check says: whether people sign
 * themselves up (SIGNUP=open), and whether it sends mail at all (SMTP_URL), without which a
 * password reset can only come from the programme office.
 */
import { api } from '../../api.ts';

export interface ServerSettings {
  signUpOpen: boolean;
  mail: boolean;
}

export async function serverSettings(): Promise<ServerSettings> {
  try {
    const body = await api.health();
    return { signUpOpen: body?.signup === 'open', mail: body?.mail === true };
  } catch (err) {
    console.warn('health check failed', err);
    // Mail is assumed: the reset page then says what happens if the address has an account.
    return { signUpOpen: false, mail: true };
  }
}
