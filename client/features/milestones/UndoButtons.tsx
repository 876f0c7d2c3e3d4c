import { useI18n } from '../../app-context.tsx';
import { useRoom } from '../project/room/room-context.tsx';

/** Undo and redo of one's own changes, as buttons beside their keyboard shortcuts. */
export function UndoButtons() {
  const room = useRoom();
  const { t } = useI18n();
  const history = () => room.actions.history[0];
  return (
    <div class="undo-buttons">
      <button
        type="button"
        class="icon-button"
        aria-label={t().room.milestones.undo}
        title={t().room.milestones.undoHint}
        aria-keyshortcuts="Control+Z Meta+Z"
        disabled={!history().canUndo}
        onClick={() => room.actions.undo()}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path
            d="M5.5 3 2.5 6l3 3M3 6h6.5a4 4 0 0 1 0 8H7"
            fill="none"
            stroke="currentColor"
            stroke-width="1.5"
          />
        </svg>
      </button>
      <button
        type="button"
        class="icon-button"
        aria-label={t().room.milestones.redo}
        title={t().room.milestones.redoHint}
        aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
        disabled={!history().canRedo}
        onClick={() => room.actions.redo()}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path
            d="M10.5 3l3 3-3 3M13 6H6.5a4 4 0 0 0 0 8H9"
            fill="none"
            stroke="currentColor"
            stroke-width="1.5"
          />
        </svg>
      </button>
    </div>
  );
}
