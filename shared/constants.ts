/**
 * Plain values shared by server and client, in a module without zod, so that the client can
 * import them without bundling the schemas.
 */

/** What every gate signature states it means (stored with the signature, 21 CFR 11.50). */
export const SIGNATURE_MEANING = 'approved as gate decision';
