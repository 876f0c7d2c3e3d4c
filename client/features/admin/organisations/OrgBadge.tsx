import { organisationColour, organisationInitials } from '../../../../shared/organisation-identity.ts';

/**
 * The organisation's "logo": its initials on its own colour (shared/organisation-identity.ts).
 * Decorative: its name is always written next to it.
 */
export function OrgBadge(props: { id: string; name: string; size?: 'large' }) {
  return (
    <span
      class="org-badge"
      classList={{ 'org-badge-large': props.size === 'large' }}
      style={{ 'background-color': organisationColour(props.id) }}
      aria-hidden="true"
    >
      {organisationInitials(props.name)}
    </span>
  );
}
