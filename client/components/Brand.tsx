import { A } from '@solidjs/router';
import { useI18n } from '../app-context.tsx';

/** The product mark: a milestone post on a track, and the name. */
export function Brand(props: { href?: string }) {
  const { t } = useI18n();
  const mark = () => (
    <>
      <svg class="brand-mark" viewBox="0 0 20 20" aria-hidden="true">
        <rect width="20" height="20" rx="5" fill="currentColor" />
        <path d="M5 14.5h10M8 14.5V5.5l5 2.25-5 2.25" stroke="#fff" stroke-width="1.6" fill="none" />
      </svg>
      <span class="brand-name">{t().app.name}</span>
    </>
  );
  return props.href ? (
    <A href={props.href} class="brand" end>
      {mark()}
    </A>
  ) : (
    <span class="brand">{mark()}</span>
  );
}
