import { A, useNavigate } from '@solidjs/router';
import { createEffect, createResource, Match, on, Switch } from 'solid-js';
import { HOME_PATHS, homeFor } from '../../../shared/home.ts';
import { useI18n } from '../../app-context.tsx';
import { Loading } from '../../components/LoadStates.tsx';
import { StatePanel } from '../../components/StatePanel.tsx';
import { homeApi } from './home-api.ts';
import { takeArrival } from './landing.ts';

/**
 * The portfolio of a person with no project: their work is elsewhere (the service queue, their
 * mentor requests), where they land as they arrive and which this points to afterwards; or they
 * have none yet, and this says what to do.
 */
export function HomeGuide() {
  const { t } = useI18n();
  const h = () => t().admin.home;
  const navigate = useNavigate();
  const [work] = createResource(homeApi.myWork);
  // Not knowing where the work is (offline, an error) still leaves a useful page: the advice.
  const home = () => (work.latest ? homeFor(work.latest) : work.error ? 'nothing_yet' : null);
  createEffect(
    on(home, (where) => {
      if ((where === 'queue' || where === 'mentor_requests') && takeArrival())
        navigate(HOME_PATHS[where], { replace: true });
    }),
  );
  return (
    <Switch fallback={<Loading label={t().portfolio.loading} />}>
      <Match when={home() === 'queue'}>
        <StatePanel title={h().queueTitle} body={h().queueBody} icon="empty">
          <A href={HOME_PATHS.queue} class="button button-primary">
            {h().queue}
          </A>
        </StatePanel>
      </Match>
      <Match when={home() === 'mentor_requests'}>
        <StatePanel title={h().mentorTitle} body={h().mentorBody} icon="empty">
          <A href={HOME_PATHS.mentor_requests} class="button button-primary">
            {h().mentor}
          </A>
        </StatePanel>
      </Match>
      <Match when={home() !== null}>
        <StatePanel title={h().nothingTitle} body={h().nothingBody} icon="lock">
          <A href="/directory" class="button button-primary">
            {h().directory}
          </A>
          <A href="/services" class="button">
            {h().catalogue}
          </A>
        </StatePanel>
      </Match>
    </Switch>
  );
}
