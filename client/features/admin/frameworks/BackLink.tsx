import { A } from '@solidjs/router';
import { useI18n } from '../../../app-context.tsx';

/** The way back: to the list of frameworks, or to the track being edited. */
export function BackToFrameworks(props: { href?: string; label?: string }) {
  const { t } = useI18n();
  return (
    <nav class="breadcrumb" aria-label={t().frameworksAdmin.breadcrumb}>
      <A href={props.href ?? '/admin/frameworks'} class="back-link">
        <span aria-hidden="true">←</span> {props.label ?? t().frameworksAdmin.back}
      </A>
    </nav>
  );
}
