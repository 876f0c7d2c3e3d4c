/**
 * When a connection's credential ends (its session signed out, revoked or expired, its API token
 * revoked or expired, or the whole account deactivated), the server sends `credentials:ended`
 * (`APP_EVENTS.credentialsEnded`, shared/protocol/event-names.ts) with this message, then closes
 * the connection. The client must not reconnect with the same credential: it would be refused at
 * the handshake.
 *
 *   credentials:ended ({ reason, message })   server → client, once, just before the disconnect
 */

export type CredentialsEndedReason =
  | 'signed_out'
  | 'sessions_revoked'
  | 'token_revoked'
  | 'expired'
  | 'deactivated';

export interface CredentialsEndedMessage {
  reason: CredentialsEndedReason;
  /** an English sentence for clients that have no text of their own */
  message: string;
}
