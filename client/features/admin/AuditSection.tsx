import { useI18n } from '../../app-context.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { AuditCheck } from '../audit/AuditCheck.tsx';

/** /admin/audit: the check of the audit trail, which the programme office runs. */
export function AuditSection() {
  const { t } = useI18n();
  useDocumentTitle(() => t().admin.sections.audit);
  return (
    <>
      <div class="page-head">
        <h1 class="page-title">{t().admin.sections.audit}</h1>
      </div>
      <div class="panel admin-audit">
        <AuditCheck />
      </div>
    </>
  );
}
