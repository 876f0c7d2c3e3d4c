/** How long a password link issued from the shell stays valid; apart so that `--help` loads nothing else. */
export const PASSWORD_LINK_HOURS = 24;
