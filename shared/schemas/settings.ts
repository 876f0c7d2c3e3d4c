/**
 * The cluster's settings, as a cluster manager reads and changes them (/api/settings), stored
 * one key per row (server/db/schema/settings.ts). A key never written reads as its default.
 */
import { z } from 'zod';

/** Who may start a project besides the programme office (shared/permissions.ts `mayStartProject`). */
export const ProjectCreation = z.enum(['managers', 'leads']);

/**
 * `required_for_managers_and_signers`: cluster managers and everyone who may sign a gate
 * decision must turn two-factor authentication on before anything else (server/auth/two-factor-requirement.ts).
 */
export const TwoFactorPolicy = z.enum(['optional', 'required_for_managers_and_signers']);
export type TwoFactorPolicy = z.infer<typeof TwoFactorPolicy>;

export const ClusterSettings = z.object({
  /** `managers`: cluster managers only; `leads`: also whoever leads a project that is not archived */
  projectCreation: ProjectCreation,
  twoFactor: TwoFactorPolicy,
});
export type ClusterSettings = z.infer<typeof ClusterSettings>;

export const SETTING_DEFAULTS: ClusterSettings = { projectCreation: 'leads', twoFactor: 'optional' };

export const UpdateSettingsBody = ClusterSettings.partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'Nothing to change');
export type UpdateSettingsBody = z.infer<typeof UpdateSettingsBody>;
