import { createResource, For, Show } from 'solid-js';
import { api } from '../../api.ts';
import { useI18n } from '../../app-context.tsx';
import { describeError } from '../../errors.ts';
import { formatNumber } from '../../i18n/format.ts';
import { personName } from '../../i18n/person-name.ts';

/** The project's members and their roles, for those allowed to see them. */
export function ProjectTeam(props: { projectId: string }) {
  const { t, locale } = useI18n();
  const [team] = createResource(() => props.projectId, api.members);
  // Reading a failed resource throws; read it only through this.
  const list = () => (team.error ? undefined : team.latest);
  const invitations = () => list()?.invitations.length ?? 0;
  return (
    <section class="team" aria-labelledby="team-title">
      <h2 id="team-title" class="panel-title panel-title-spaced">
        {t().project.members}
        <Show when={list()}>
          {(l) => (
            <span class="muted panel-count">
              {t().project.membersCount(l().members.length, formatNumber(locale(), l().members.length))}
            </span>
          )}
        </Show>
      </h2>
      <Show when={!team.error} fallback={<p class="muted">{describeError(team.error, t())}</p>}>
        <ul class="member-list" aria-busy={team.loading ? 'true' : 'false'}>
          <For each={list()?.members ?? []}>
            {(member) => (
              <li class="member">
                <span class="avatar" aria-hidden="true">
                  {initials(member.name)}
                </span>
                <span class="member-text">
                  <span class="member-name">{personName(member.name, t())}</span>
                  <span class="member-org">{member.organisations.map((o) => o.name).join(', ')}</span>
                </span>
                <span class="role">{t().roles[member.role]}</span>
              </li>
            )}
          </For>
        </ul>
        <Show when={invitations() > 0}>
          <p class="muted">
            {t().project.pendingInvitations(invitations(), formatNumber(locale(), invitations()))}
          </p>
        </Show>
      </Show>
    </section>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}
