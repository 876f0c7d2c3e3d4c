import { A } from '@solidjs/router';
import { useI18n } from '../../app-context.tsx';
import { Shell } from '../../components/Shell.tsx';
import { StatePanel } from '../../components/StatePanel.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';

/** Any address the app does not know. */
export function NotFoundPage() {
  const { t } = useI18n();
  useDocumentTitle(() => t().notFound.pageTitle);
  return (
    <Shell width="narrow">
      <StatePanel title={t().notFound.title} body={t().notFound.body} icon="search" level={1}>
        <A href="/" class="button button-primary">
          {t().notFound.home}
        </A>
      </StatePanel>
    </Shell>
  );
}
