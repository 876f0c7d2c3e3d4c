import type { CommentVisibility } from '../../../shared/schemas/comments.ts';
import { useI18n } from '../../app-context.tsx';

/** Who can read a thread: the team only (a lock), or the partners too (an eye). */
export function VisibilityBadge(props: { visibility: CommentVisibility }) {
  const { t } = useI18n();
  return (
    <span class="visibility-badge" classList={{ 'visibility-partners': props.visibility === 'partners' }}>
      <svg viewBox="0 0 16 16" aria-hidden="true" class="visibility-icon">
        {props.visibility === 'team' ? (
          <path
            d="M4.5 7.5h7v6h-7zM6 7.5V5.5a2 2 0 0 1 4 0v2"
            fill="none"
            stroke="currentColor"
            stroke-width="1.4"
            stroke-linejoin="round"
          />
        ) : (
          <path
            d="M1.5 8s2.4-4.5 6.5-4.5S14.5 8 14.5 8 12.1 12.5 8 12.5 1.5 8 1.5 8ZM8 10a2 2 0 1 0 0-4 2 2 0 0 0 0 4Z"
            fill="none"
            stroke="currentColor"
            stroke-width="1.4"
            stroke-linejoin="round"
          />
        )}
      </svg>
      {t().comments.badge[props.visibility]}
    </span>
  );
}
