/** Entry point: the stores, the router and the routes. Heavier pages load on first visit. */
// First: on a project's address, the connection and the page's code start before the rest.
import './early-start.ts';
// The design tokens and component classes come before every feature's stylesheet.
import './ui/index.css';
import { Route, Router } from '@solidjs/router';
import { lazy } from 'solid-js';
import { render } from 'solid-js/web';
import { AppProvider } from './app-context.tsx';
import { ForgotPasswordPage, ResetPasswordPage } from './features/auth/PasswordResetPages.tsx';
import { RequireSession } from './features/auth/RequireSession.tsx';
import { SignInPage } from './features/auth/SignInPage.tsx';
import { SignUpPage } from './features/auth/SignUpPage.tsx';
import { NotFoundPage } from './features/not-found/NotFoundPage.tsx';
import { PortfolioPage } from './features/portfolio/PortfolioPage.tsx';
import { PreloadProjectPage, startProjectPageEarly } from './features/project/preload.ts';
import { Root } from './Root.tsx';
import './styles.css';
// Utilities last, so that they win over the rules above of the same weight.
import './ui/utilities.css';

const loadProjectPage = () => import('./features/project/ProjectPage.tsx');
const ProjectPage = lazy(() => loadProjectPage().then((m) => ({ default: m.ProjectPage })));
const PreferencesPage = lazy(() =>
  import('./features/notifications/PreferencesPage.tsx').then((m) => ({ default: m.PreferencesPage })),
);
const DigestPage = lazy(() =>
  import('./features/notifications/DigestPage.tsx').then((m) => ({ default: m.DigestPage })),
);
const AnalyticsPage = lazy(() =>
  import('./features/analytics/AnalyticsPage.tsx').then((m) => ({ default: m.AnalyticsPage })),
);
const ReportPage = lazy(() =>
  import('./features/reports/ReportPage.tsx').then((m) => ({ default: m.ReportPage })),
);
const DirectoryPage = lazy(() =>
  import('./features/directory/DirectoryPage.tsx').then((m) => ({ default: m.DirectoryPage })),
);
const OrganisationPage = lazy(() =>
  import('./features/directory/OrganisationPage.tsx').then((m) => ({ default: m.OrganisationPage })),
);
const MentorsPage = lazy(() =>
  import('./features/mentors/MentorsPage.tsx').then((m) => ({ default: m.MentorsPage })),
);
const CataloguePage = lazy(() =>
  import('./features/services/CataloguePage.tsx').then((m) => ({ default: m.CataloguePage })),
);
const RequestFormPage = lazy(() =>
  import('./features/services/RequestFormPage.tsx').then((m) => ({ default: m.RequestFormPage })),
);
const QueuePage = lazy(() =>
  import('./features/services/QueuePage.tsx').then((m) => ({ default: m.QueuePage })),
);
const ServiceEditorPage = lazy(() =>
  import('./features/services/ServiceEditorPage.tsx').then((m) => ({ default: m.ServiceEditorPage })),
);
const ProjectServicesPage = lazy(() =>
  import('./features/services/ProjectServicesPage.tsx').then((m) => ({ default: m.ProjectServicesPage })),
);
const AccountPage = lazy(() =>
  import('./features/account/AccountPage.tsx').then((m) => ({ default: m.AccountPage })),
);
const AdminPage = lazy(() =>
  import('./features/admin/AdminPage.tsx').then((m) => ({ default: m.AdminPage })),
);
const NewProjectPage = lazy(() =>
  import('./features/projects-new/NewProjectPage.tsx').then((m) => ({ default: m.NewProjectPage })),
);
const ProjectSettingsPage = lazy(() =>
  import('./features/project/settings/SettingsPage.tsx').then((m) => ({ default: m.SettingsPage })),
);
const InvitationPage = lazy(() =>
  import('./features/invitations/InvitationPage.tsx').then((m) => ({ default: m.InvitationPage })),
);

// On a project's address, its code and its document start loading now (features/project/preload.ts).
const earlyProjectPage = startProjectPageEarly(loadProjectPage);

const mount = document.getElementById('app');
if (!mount) throw new Error('index.html has no #app element');

render(
  () => (
    <AppProvider>
      <PreloadProjectPage page={earlyProjectPage} />
      <Router root={Root}>
        <Route path="/sign-in" component={SignInPage} />
        <Route path="/sign-up" component={SignUpPage} />
        <Route path="/forgot-password" component={ForgotPasswordPage} />
        <Route path="/reset-password" component={ResetPasswordPage} />
        <Route
          path="/"
          component={() => (
            <RequireSession>
              <PortfolioPage />
            </RequireSession>
          )}
        />
        <Route
          path="/projects/new"
          component={() => (
            <RequireSession>
              <NewProjectPage />
            </RequireSession>
          )}
        />
        <Route
          path="/projects/:id/settings"
          component={() => (
            <RequireSession>
              <ProjectSettingsPage />
            </RequireSession>
          )}
        />
        <Route
          path="/projects/:id"
          component={() => (
            <RequireSession>
              <ProjectPage />
            </RequireSession>
          )}
        />
        <Route
          path="/account"
          component={() => (
            <RequireSession>
              <AccountPage />
            </RequireSession>
          )}
        />
        <Route
          path="/notifications/preferences"
          component={() => (
            <RequireSession>
              <PreferencesPage />
            </RequireSession>
          )}
        />
        <Route
          path="/notifications/digest"
          component={() => (
            <RequireSession>
              <DigestPage />
            </RequireSession>
          )}
        />
        <Route
          path="/projects/:id/report"
          component={() => (
            <RequireSession>
              <ReportPage />
            </RequireSession>
          )}
        />
        <Route
          path="/directory"
          component={() => (
            <RequireSession>
              <DirectoryPage />
            </RequireSession>
          )}
        />
        <Route
          path="/directory/:slug"
          component={() => (
            <RequireSession>
              <OrganisationPage />
            </RequireSession>
          )}
        />
        <Route
          path="/mentors"
          component={() => (
            <RequireSession>
              <MentorsPage />
            </RequireSession>
          )}
        />
        <Route
          path="/analytics"
          component={() => (
            <RequireSession>
              <AnalyticsPage />
            </RequireSession>
          )}
        />
        <Route
          path="/services"
          component={() => (
            <RequireSession>
              <CataloguePage />
            </RequireSession>
          )}
        />
        <Route
          path="/services/queue"
          component={() => (
            <RequireSession>
              <QueuePage />
            </RequireSession>
          )}
        />
        <Route
          path="/services/new"
          component={() => (
            <RequireSession>
              <ServiceEditorPage />
            </RequireSession>
          )}
        />
        <Route
          path="/services/:slug/edit"
          component={() => (
            <RequireSession>
              <ServiceEditorPage />
            </RequireSession>
          )}
        />
        <Route
          path="/services/:slug/request"
          component={() => (
            <RequireSession>
              <RequestFormPage />
            </RequireSession>
          )}
        />
        <Route
          path="/projects/:id/services"
          component={() => (
            <RequireSession>
              <ProjectServicesPage />
            </RequireSession>
          )}
        />
        <Route
          path={['/admin', '/admin/*rest']}
          component={() => (
            <RequireSession>
              <AdminPage />
            </RequireSession>
          )}
        />
        <Route path="/invitations/:token" component={InvitationPage} />
        <Route path="*" component={NotFoundPage} />
      </Router>
    </AppProvider>
  ),
  mount,
);
