import { A } from '@solidjs/router';
import { useI18n } from '../../app-context.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';

/** /admin/services: the way to the catalogue editor, which lives with the catalogue. */
export function ServicesSection() {
  const { t } = useI18n();
  useDocumentTitle(() => t().admin.sections.services);
  return (
    <>
      <div class="page-head">
        <h1 class="page-title">{t().admin.sections.services}</h1>
      </div>
      <p class="page-intro">{t().admin.services.intro}</p>
      <div class="admin-links">
        <A href="/services" class="button button-primary">
          {t().admin.services.catalogue}
        </A>
        <A href="/services/new" class="button">
          {t().admin.services.newService}
        </A>
        <A href="/services/queue" class="button">
          {t().admin.services.queue}
        </A>
      </div>
    </>
  );
}
