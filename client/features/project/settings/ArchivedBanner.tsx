import { Show } from 'solid-js';
import { useI18n } from '../../../app-context.tsx';
import { useRoom } from '../room/room-context.tsx';
import { RestoreButton } from './LifecycleSection.tsx';
import './archived-banner.css';

/**
 * An archived project's room says so before anything else: read-only for everyone, and, for
 * the programme office, the way back. The page follows the restore live (project.changed).
 */
export function ArchivedBanner() {
  const room = useRoom();
  const { t } = useI18n();
  const b = () => t().projectSettings.banner;
  return (
    <Show when={room.project().archived}>
      <section class="banner banner-warning archived-banner" aria-labelledby="archived-banner-title">
        <div class="archived-banner-text">
          <h2 id="archived-banner-title" class="archived-banner-title">
            {b().archived}
          </h2>
          <p>{b().archivedBody}</p>
        </div>
        <Show when={room.project().permissions.includes('project.restore')}>
          <RestoreButton project={room.project()} />
        </Show>
      </section>
    </Show>
  );
}
