import { A, useNavigate, useParams } from '@solidjs/router';
import { createResource, createSignal, Match, Show, Switch } from 'solid-js';
import { api, type Invitation } from '../../api.ts';
import { useApp, useI18n } from '../../app-context.tsx';
import { LoadedPage } from '../../components/LoadedPage.tsx';
import { Shell } from '../../components/Shell.tsx';
import { StatePanel } from '../../components/StatePanel.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { describeError } from '../../errors.ts';
import { formatDate } from '../../i18n/format.ts';
import type { Messages } from '../../i18n/messages.ts';
import { signInHref } from '../auth/next-path.ts';
import { ssoApi } from '../auth/sso-api.ts';
import { DeclineInvitation } from './DeclineInvitation.tsx';
import { InvitationAccountForm } from './InvitationAccountForm.tsx';

/**
 * An invitation link: what it offers (no sign-in needed to see that), then accepting it with
 * the invited address: signed in with it, or, for a newcomer, by creating the account here; or
 * declining it, after a confirmation. A link that no longer works says why.
 */
export function InvitationPage() {
  const params = useParams();
  const { t } = useI18n();
  const [preview, { refetch }] = createResource(() => params.token, api.invitation);
  useDocumentTitle(() => t().invitation.pageTitle);

  return (
    <Shell width="narrow">
      <LoadedPage
        resource={preview}
        onRetry={() => void refetch()}
        notFound={{ title: t().invitation.notFoundTitle, body: t().invitation.notFoundBody }}
        isNotFound={(err) => [400, 404].includes(err.status)}
        errorTitle={t().invitation.errorTitle}
        loading={t().invitation.loading}
      >
        {(invitation) => (
          <Show
            when={invitation().status === 'pending'}
            fallback={<ClosedInvitation invitation={invitation()} />}
          >
            <InvitationCard invitation={invitation()} token={params.token ?? ''} />
          </Show>
        )}
      </LoadedPage>
    </Shell>
  );
}

function InvitationCard(props: { invitation: Invitation; token: string }) {
  const { session } = useApp();
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [busy, setBusy] = createSignal(false);
  const [declined, setDeclined] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);
  const here = () => `/invitations/${encodeURIComponent(props.token)}`;
  const me = () => session[0].me;
  const rightAccount = () => me()?.user.email.toLowerCase() === props.invitation.email.toLowerCase();
  // An address whose organisation signs its people in gets no password: it goes through the
  // organisation's identity provider and comes back here, signed in, to accept.
  const [method] = createResource(
    () => (me() ? null : props.invitation.email),
    (email) => ssoApi.signInMethod(email).catch(() => ({ method: 'password' as const })),
  );
  const ssoOrganisation = () => {
    const m = method();
    return m?.method === 'sso' ? m.organisation : null;
  };

  async function continueWithOrganisation() {
    setBusy(true);
    setFailure(null);
    try {
      await ssoApi.start(props.invitation.email, here(), signInHref(here()));
    } catch (err) {
      setFailure(err);
      setBusy(false);
    }
  }

  async function accept() {
    setBusy(true);
    setFailure(null);
    try {
      const { projectId } = await api.acceptInvitation(props.token);
      navigate(`/projects/${encodeURIComponent(projectId)}`, { replace: true });
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  }

  async function switchAccount() {
    setBusy(true);
    try {
      await session[1].signOut();
      navigate(signInHref(here()));
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Show
      when={!declined()}
      fallback={
        <StatePanel
          level={1}
          title={t().members.page.declinedTitle}
          body={t().members.page.declinedBody(props.invitation.project.title)}
        />
      }
    >
      <section class="card card-roomy invitation" aria-labelledby="invitation-title">
        <h1 id="invitation-title" class="auth-title">
          {t().invitation.title(props.invitation.project.title)}
        </h1>
        <p>{t().invitation.body(props.invitation.invitedBy, t().roles[props.invitation.role])}</p>
        <p class="muted">
          {t().invitation.sentTo(props.invitation.email)}
          <br />
          {t().invitation.expires(formatDate(locale(), props.invitation.expiresAt))}
          <Show when={props.invitation.organisation && !props.invitation.account}>
            <br />
            {t().members.page.organisation(props.invitation.organisation ?? '')}
          </Show>
        </p>
        <Show when={failure()}>
          <p class="form-error" role="alert">
            {t().invitation.acceptFailed(describeError(failure(), t()))}
          </p>
        </Show>
        <Switch>
          <Match when={!me() && ssoOrganisation()}>
            {(organisation) => (
              <>
                <p>
                  {t().signIn.ssoSignsYouIn(organisation())} {t().signIn.ssoNoPassword}
                </p>
                <button
                  type="button"
                  class="button button-primary button-block"
                  onClick={continueWithOrganisation}
                  disabled={busy()}
                  aria-busy={busy() ? 'true' : 'false'}
                >
                  {busy() ? t().signIn.ssoLeaving : t().signIn.ssoGo}
                </button>
              </>
            )}
          </Match>
          <Match when={!me() && method.loading}>
            <p class="muted" role="status">
              {t().signIn.checking}
            </p>
          </Match>
          <Match when={!me() && props.invitation.account}>
            <p>{t().invitation.signedOutHint(props.invitation.email)}</p>
            <A href={signInHref(here())} class="button button-primary button-block">
              {t().invitation.signInToAccept}
            </A>
          </Match>
          <Match when={!me()}>
            <InvitationAccountForm invitation={props.invitation} token={props.token} />
            <p class="muted small">
              {t().account.invitation.haveAccount}{' '}
              <A href={signInHref(here())} class="text-link">
                {t().invitation.signInToAccept}
              </A>
            </p>
          </Match>
          <Match when={rightAccount()}>
            <button
              type="button"
              class="button button-primary button-block"
              onClick={accept}
              disabled={busy()}
              aria-busy={busy() ? 'true' : 'false'}
            >
              {busy() ? t().invitation.accepting : t().invitation.accept}
            </button>
          </Match>
          <Match when={me()}>
            {(current) => (
              <>
                <p class="notice">
                  {t().invitation.wrongAccount(props.invitation.email, current().user.email)}
                </p>
                <button type="button" class="button button-block" onClick={switchAccount} disabled={busy()}>
                  {t().invitation.switchAccount}
                </button>
              </>
            )}
          </Match>
        </Switch>
        <DeclineInvitation
          invitation={props.invitation}
          token={props.token}
          onDeclined={() => setDeclined(true)}
        />
      </section>
    </Show>
  );
}

/** A link that no longer works: why, and what to do. */
function ClosedInvitation(props: { invitation: Invitation }) {
  const { t } = useI18n();
  const closed = () =>
    t().members.page.closed[props.invitation.status as keyof Messages['members']['page']['closed']];
  return (
    <StatePanel level={1} title={closed().title} body={closed().body} icon="lock">
      <Show when={props.invitation.status === 'accepted'}>
        <A
          href={`/projects/${encodeURIComponent(props.invitation.project.id)}`}
          class="button button-primary"
        >
          {t().members.page.openProject}
        </A>
      </Show>
    </StatePanel>
  );
}
