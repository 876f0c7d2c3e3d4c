/**
 * The sections of /admin, in the order of the side list. Each is an address under /admin, a
 * label, and the component that shows it; the part of the address after the section's own is
 * handed to it (`/admin/people/abc` gives the people section `abc`). A new section is one line.
 */
import { type Component, lazy } from 'solid-js';
import type { Messages } from '../../i18n/messages.ts';

export interface AdminSection {
  /** the first segment after /admin */
  id: string;
  label: (t: Messages) => string;
  component: Component<{ rest: string }>;
}

export const ADMIN_SECTIONS: AdminSection[] = [
  {
    id: 'people',
    label: (t) => t.admin.sections.people,
    component: lazy(() => import('./people/PeopleSection.tsx').then((m) => ({ default: m.PeopleSection }))),
  },
  {
    id: 'organisations',
    label: (t) => t.admin.sections.organisations,
    component: lazy(() =>
      import('./organisations/OrganisationsAdmin.tsx').then((m) => ({ default: m.OrganisationsAdmin })),
    ),
  },
  {
    id: 'frameworks',
    label: (t) => t.frameworksAdmin.title,
    component: lazy(() =>
      import('./frameworks/FrameworksAdmin.tsx').then((m) => ({ default: m.FrameworksAdmin })),
    ),
  },
  {
    id: 'sso',
    label: (t) => t.admin.sections.sso,
    component: lazy(() => import('./sso/SsoSection.tsx').then((m) => ({ default: m.SsoSection }))),
  },
  {
    id: 'audit',
    label: (t) => t.admin.sections.audit,
    component: lazy(() => import('./AuditSection.tsx').then((m) => ({ default: m.AuditSection }))),
  },
  {
    id: 'services',
    label: (t) => t.admin.sections.services,
    component: lazy(() => import('./ServicesSection.tsx').then((m) => ({ default: m.ServicesSection }))),
  },
  {
    id: 'settings',
    label: (t) => t.projectSettings.cluster.section,
    component: lazy(() =>
      import('./ClusterSettingsSection.tsx').then((m) => ({ default: m.ClusterSettingsSection })),
    ),
  },
];

/** Where /admin itself leads. */
export const DEFAULT_SECTION = 'people';
