/** Entry point: the stores, the router and the routes. Heavier pages load on first visit. */
import { Route, Router } from '@solidjs/router';
import { lazy } from 'solid-js';
import { render } from 'solid-js/web';
import { AppProvider } from './app-context.tsx';
import { RequireSession } from './features/auth/RequireSession.tsx';
import { SignInPage } from './features/auth/SignInPage.tsx';
import { NotFoundPage } from './features/not-found/NotFoundPage.tsx';
import { PortfolioPage } from './features/portfolio/PortfolioPage.tsx';
import { Root } from './Root.tsx';
import './styles.css';

const ProjectPage = lazy(() =>
  import('./features/projects/ProjectPage.tsx').then((m) => ({ default: m.ProjectPage })),
);
const InvitationPage = lazy(() =>
  import('./features/invitations/InvitationPage.tsx').then((m) => ({ default: m.InvitationPage })),
);

const mount = document.getElementById('app');
if (!mount) throw new Error('index.html has no #app element');

render(
  () => (
    <AppProvider>
      <Router root={Root}>
        <Route path="/sign-in" component={SignInPage} />
        <Route
          path="/"
          component={() => (
            <RequireSession>
              <PortfolioPage />
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
        <Route path="/invitations/:token" component={InvitationPage} />
        <Route path="*" component={NotFoundPage} />
      </Router>
    </AppProvider>
  ),
  mount,
);
