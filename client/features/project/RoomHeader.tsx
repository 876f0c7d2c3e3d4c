import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { useApp, useI18n } from '../../app-context.tsx';
import { OnHold } from '../../components/OnHold.tsx';
import { useStageName } from '../../components/StageBadge.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { PresenceAvatars } from './PresenceAvatars.tsx';
import { useRoom } from './room/room-context.tsx';
import { SaveIndicator } from './room/SaveIndicator.tsx';
import { StageStepper } from './StageStepper.tsx';
import { maySeeSettings } from './settings/may-see-settings.ts';

/**
 * Who and where: the title, the organisations, the track and the user's role; the stage
 * stepper with the next gate and how many of its must-meet criteria are met; and, always in
 * view, who is here now and whether everything is saved.
 */
export function RoomHeader() {
  const room = useRoom();
  const { frameworks, session } = useApp();
  const { t, locale } = useI18n();
  const p = room.project;
  const n = (x: number) => formatNumber(locale(), x);
  const stage = () => frameworks[1].stage(p().track, p().stage);
  const must = () => stage()?.criteria.filter((c) => c.kind === 'must') ?? [];
  const met = () => must().filter((c) => room.state.criteria[c.id]?.checked).length;
  const stageName = useStageName();
  const role = () => (p().myRole ? t().roles[p().myRole!] : t().roles.clusterManager);

  return (
    <header class="room-head panel">
      <div class="room-head-top">
        <h1 class="page-title room-title">{p().title}</h1>
        <div class="room-live">
          <Show when={maySeeSettings(p(), Boolean(session[0].me?.clusterManager))}>
            <A
              href={`/projects/${p().id}/settings`}
              class="button button-ghost button-small room-report-link"
            >
              {t().projectSettings.settings.link}
            </A>
          </Show>
          <A href={`/projects/${p().id}/report`} class="button button-ghost button-small room-report-link">
            {t().report.open}
          </A>
          <PresenceAvatars />
          <SaveIndicator />
        </div>
      </div>

      <div class="room-meta">
        <section class="room-meta-group" aria-labelledby="room-meta-lead">
          <h2 id="room-meta-lead" class="room-meta-label">
            {t().room.header.leadOrganisation}
          </h2>
          <p class="room-meta-value">
            {p().leadOrganisation.name}
            <span class="muted"> · {t().organisationKinds[p().leadOrganisation.kind]}</span>
          </p>
        </section>
        <section class="room-meta-group room-meta-partners" aria-labelledby="room-meta-partners">
          <h2 id="room-meta-partners" class="room-meta-label">
            {t().room.header.partners}
          </h2>
          <Show
            when={p().partners.length > 0}
            fallback={<p class="room-meta-value muted">{t().room.header.noPartners}</p>}
          >
            <ul class="room-partners">
              <For each={p().partners}>
                {(partner) => (
                  <li title={t().partnerRoles[partner.role]}>
                    {partner.organisation.name}
                    <span class="muted"> · {t().partnerRoles[partner.role]}</span>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </section>
        <section class="room-meta-group" aria-labelledby="room-meta-track">
          <h2 id="room-meta-track" class="room-meta-label">
            {t().room.header.track}
          </h2>
          <p class="room-meta-value">{frameworks[1].trackName(p().track, locale())}</p>
        </section>
        <section class="room-meta-group" aria-labelledby="room-meta-role">
          <h2 id="room-meta-role" class="room-meta-label">
            {t().room.header.yourRole}
          </h2>
          <p class="room-meta-value">
            {role()}
            <Show when={p().archived}>
              {' '}
              <span class="tag tag-warning">{t().project.archived}</span>
            </Show>
          </p>
        </section>
      </div>

      <div class="room-stages">
        <h2 id="room-stages-title" class="visually-hidden">
          {t().project.stepper}
        </h2>
        <StageStepper track={p().track} stage={p().stage} labelledBy="room-stages-title" />
        <p class="room-stage-compact" aria-hidden="true">
          <span class="step-index room-stage-index">{n(p().stage)}</span>
          {stageName(p().track, p().stage)}
        </p>
        <OnHold until={p().onHoldUntil} />
        <Show when={stage()}>
          {(s) => (
            <p class="gate room-gate">
              <span class="gate-label">{t().room.header.nextGate}</span>
              <button type="button" class="link-button" onClick={() => room.setTab('criteria')}>
                {s().gateName[locale()]}
              </button>
              <Show when={must().length > 0}>
                <span class="gate-progress">
                  <span class="gate-meter" aria-hidden="true">
                    <span style={{ width: `${(met() / must().length) * 100}%` }} />
                  </span>
                  <span class="muted">{t().room.header.gateProgress(met(), n(met()), n(must().length))}</span>
                </span>
              </Show>
            </p>
          )}
        </Show>
      </div>
    </header>
  );
}
