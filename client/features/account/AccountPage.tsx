import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { useApp, useI18n } from '../../app-context.tsx';
import { Shell } from '../../components/Shell.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { PasswordSection } from './PasswordSection.tsx';
import { ProfileSection } from './ProfileSection.tsx';
import { SessionsSection } from './SessionsSection.tsx';
import { TokensSection } from './TokensSection.tsx';
import { TwoFactorSection } from './TwoFactorSection.tsx';
import './account.css';

/** /account: one's profile, password, two-factor authentication, sessions, API tokens and the way to notification preferences. */
export function AccountPage() {
  const { session } = useApp();
  const { t } = useI18n();
  const w = () => t().accountPage;
  useDocumentTitle(() => w().pageTitle);
  // A password change signs the other sessions out: the list reloads to show it.
  const [sessionsVersion, setSessionsVersion] = createSignal(0);

  return (
    <Shell width="narrow">
      <div class="ac-page">
        <A href="/" class="back-link">
          ← {t().header.portfolio}
        </A>
        <div class="page-head">
          <h1 class="page-title">{w().title}</h1>
        </div>
        <p class="muted">{w().intro}</p>
        <nav class="ac-nav" aria-label={w().sectionsNav}>
          <a href="#profile">{w().profile.title}</a>
          <a href="#password">{w().password.title}</a>
          <a href="#two-factor">{t().twoFactor.section.title}</a>
          <a href="#sessions">{w().sessions.title}</a>
          <a href="#tokens">{w().tokens.title}</a>
          <a href="#notifications">{w().notifications.title}</a>
        </nav>
        <Show when={session[0].me}>{(me) => <ProfileSection me={me()} />}</Show>
        <PasswordSection onChanged={() => setSessionsVersion((v) => v + 1)} />
        <TwoFactorSection />
        <SessionsSection reload={sessionsVersion()} />
        <TokensSection />
        <section class="panel ac-section" aria-labelledby="ac-notifications-title" id="notifications">
          <h2 id="ac-notifications-title" class="panel-title">
            {w().notifications.title}
          </h2>
          <p class="muted">{w().notifications.intro}</p>
          <A href="/notifications/preferences" class="button">
            {w().notifications.link}
          </A>
        </section>
      </div>
    </Shell>
  );
}
