/**
 * Plain values shared by server and client, in a module without zod, so that the client can
 * import them without bundling the schemas.
 */

/** Socket events of the application (besides the document protocol). */
export const APP_EVENTS = {
  /** (comment: Comment): a comment was created, resolved or reopened in a joined project */
  commentChanged: 'comment:changed',
  /**
   * ({ projectId, contentOnly? }): a project the user may see changed: its card (title,
   * stage…), or with `contentOnly` only its milestones and readiness
   */
  projectChanged: 'project:changed',
  /** ({ projectId, reviewId }): a gate review of a joined project changed */
  gateChanged: 'gate:changed',
} as const;

/** What every gate signature states it means (stored with the signature, 21 CFR 11.50). */
export const SIGNATURE_MEANING = 'approved as gate decision';
