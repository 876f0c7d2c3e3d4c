import { Show } from 'solid-js';
import { useApp, useI18n } from '../../app-context.tsx';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { useRoom } from '../project/room/room-context.tsx';

/**
 * Says when the project's framework has a newer version: the project keeps the version it was
 * started on (its criteria and past gate decisions stay as they were), and its people should
 * know that new projects follow another one.
 */
export function NewerVersionNote() {
  const room = useRoom();
  const { frameworks } = useApp();
  const { t, locale } = useI18n();
  const newest = () => {
    const own = room.framework();
    if (!own || own.current) return undefined;
    return frameworks[1].tracks().find((f) => f.lineage === own.lineage && f.current);
  };
  return (
    <Show when={newest()}>
      {(latest) => (
        <p class="notice room-note" role="note">
          {t().frameworksAdmin.room.newer(
            formatNumber(locale(), room.framework()!.version),
            room.framework()!.name[locale()],
            formatNumber(locale(), latest().version),
            formatDate(locale(), latest().createdAt),
          )}
        </p>
      )}
    </Show>
  );
}
