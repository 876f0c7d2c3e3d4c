import type { MilestoneStatus } from '../../shared/domain.ts';

/** A small status glyph, Linear-style: empty, half, warning, stop, done. Decorative. */
export function StatusIcon(props: { status: MilestoneStatus }) {
  return (
    <svg class="status-icon" data-status={props.status} viewBox="0 0 14 14" aria-hidden="true">
      {props.status === 'planned' && (
        <circle
          cx="7"
          cy="7"
          r="5.25"
          fill="none"
          stroke="currentColor"
          stroke-width="1.5"
          stroke-dasharray="2.2 1.6"
        />
      )}
      {props.status === 'in_progress' && (
        <>
          <circle cx="7" cy="7" r="5.25" fill="none" stroke="currentColor" stroke-width="1.5" />
          <path d="M7 3.5a3.5 3.5 0 0 1 0 7Z" fill="currentColor" />
        </>
      )}
      {props.status === 'at_risk' && (
        <>
          <path d="M7 1.5 12.8 12H1.2L7 1.5Z" fill="currentColor" />
          <path d="M7 5.3v3M7 9.8v.4" stroke="#fff" stroke-width="1.4" stroke-linecap="round" />
        </>
      )}
      {props.status === 'blocked' && (
        <>
          <circle cx="7" cy="7" r="6" fill="currentColor" />
          <path d="M4.3 7h5.4" stroke="#fff" stroke-width="1.6" stroke-linecap="round" />
        </>
      )}
      {props.status === 'done' && (
        <>
          <circle cx="7" cy="7" r="6" fill="currentColor" />
          <path
            d="M4.2 7.2 6.1 9l3.7-4"
            fill="none"
            stroke="#fff"
            stroke-width="1.5"
            stroke-linecap="round"
          />
        </>
      )}
    </svg>
  );
}
