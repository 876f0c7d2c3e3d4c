import { createMemo, createResource, createSignal, For, type JSX, Match, Show, Switch } from 'solid-js';
import type { FocusArea, Mentor } from '../../../shared/directory.ts';
import { focusAreaLabels, focusAreas } from '../../../shared/vocabularies.ts';
import { api } from '../../api.ts';
import { useI18n } from '../../app-context.tsx';
import { LoadFailed, Loading } from '../../components/LoadStates.tsx';
import { SearchIcon } from '../../components/SearchIcon.tsx';
import { Shell } from '../../components/Shell.tsx';
import { StatePanel } from '../../components/StatePanel.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { formatNumber } from '../../i18n/format.ts';
import { FocusTags } from '../directory/FocusTags.tsx';
import { AskMentorForm } from './AskMentorForm.tsx';
import { MentorInbox } from './MentorInbox.tsx';
import { type MentorFilters, mentorsApi } from './mentors-api.ts';
import '../directory/directory.css';

const LANGUAGES = ['fr', 'en', 'de', 'es', 'it'];

/** The mentors directory: filters, cards, the lead's request form, and the mentor's own inbox. */
export function MentorsPage() {
  const { t, locale } = useI18n();
  const m = () => t().directory.mentors;
  useDocumentTitle(() => m().pageTitle);
  const [filters, setFilters] = createSignal<MentorFilters>({
    q: '',
    expertise: '',
    language: '',
    available: false,
  });
  const change = (next: Partial<MentorFilters>) => setFilters({ ...filters(), ...next });
  const [mentors, { refetch }] = createResource(filters, mentorsApi.list);
  const [mine] = createResource(() => api.projects({ mine: true }));
  const ledProjects = createMemo(() =>
    (mine.error ? [] : (mine.latest?.projects ?? [])).filter((p) => p.myRole === 'lead' && !p.archived),
  );
  const [asking, setAsking] = createSignal<string | null>(null);
  const [sent, setSent] = createSignal('');
  const list = () => (mentors.error ? [] : (mentors.latest?.mentors ?? []));
  const sortedFocus = () =>
    [...focusAreas].sort((a, b) =>
      focusAreaLabels[a][locale()].localeCompare(focusAreaLabels[b][locale()], locale()),
    );

  return (
    <Shell>
      <div class="page-head">
        <h1 class="page-title">{m().title}</h1>
        <Show when={mentors.latest}>
          <span class="page-count" aria-live="polite">
            {m().count(list().length, formatNumber(locale(), list().length))}
          </span>
        </Show>
      </div>
      <p class="page-intro">{m().intro}</p>
      <MentorInbox />
      <search class="filters" aria-label={m().search}>
        <div class="search-box">
          <label for="mentor-search" class="visually-hidden">
            {m().search}
          </label>
          <SearchIcon />
          <input
            id="mentor-search"
            type="search"
            autocomplete="off"
            placeholder={m().searchPlaceholder}
            value={filters().q}
            onInput={(e) => change({ q: e.currentTarget.value })}
          />
        </div>
        <label for="mentor-expertise" class="visually-hidden">
          {m().expertise}
        </label>
        <select
          id="mentor-expertise"
          class="select"
          onChange={(e) => change({ expertise: e.currentTarget.value as FocusArea | '' })}
        >
          <option value="">{m().allExpertise}</option>
          <For each={sortedFocus()}>{(f) => <option value={f}>{focusAreaLabels[f][locale()]}</option>}</For>
        </select>
        <label for="mentor-language" class="visually-hidden">
          {m().language}
        </label>
        <select
          id="mentor-language"
          class="select"
          onChange={(e) => change({ language: e.currentTarget.value })}
        >
          <option value="">{m().allLanguages}</option>
          <For each={LANGUAGES}>
            {(l) => <option value={l}>{t().directory.languageNames[l] ?? l}</option>}
          </For>
        </select>
        <label class="checkbox">
          <input
            type="checkbox"
            checked={filters().available}
            onChange={(e) => change({ available: e.currentTarget.checked })}
          />
          {m().availableOnly}
        </label>
      </search>
      <Show when={sent()}>
        <p class="success" role="status">
          {sent()}
        </p>
      </Show>
      <Switch>
        <Match when={mentors.error}>
          <LoadFailed title={m().loadError} error={mentors.error} onRetry={() => void refetch()} />
        </Match>
        <Match when={!mentors.latest && mentors.loading}>
          <Loading label={m().loading} />
        </Match>
        <Match when={list().length === 0}>
          <StatePanel title={m().emptyTitle} body={m().emptyBody} icon="search" />
        </Match>
        <Match when={list().length > 0}>
          <ul class="mentor-cards" aria-busy={mentors.loading}>
            <For each={list()}>
              {(mentor) => (
                <MentorCard
                  mentor={mentor}
                  asking={asking() === mentor.userId}
                  canAsk={ledProjects().length > 0}
                  onAsk={() => {
                    setSent('');
                    setAsking(mentor.userId);
                  }}
                  form={
                    <AskMentorForm
                      mentor={mentor}
                      projects={ledProjects()}
                      onCancel={() => setAsking(null)}
                      onDone={(message) => {
                        setAsking(null);
                        setSent(message);
                      }}
                    />
                  }
                />
              )}
            </For>
          </ul>
        </Match>
      </Switch>
    </Shell>
  );
}

function MentorCard(props: {
  mentor: Mentor;
  asking: boolean;
  canAsk: boolean;
  onAsk: () => void;
  form: JSX.Element;
}) {
  const { t, locale } = useI18n();
  const m = () => t().directory.mentors;
  const languages = () => props.mentor.languages.map((l) => t().directory.languageNames[l] ?? l).join(', ');
  return (
    <li class="card card-compact mentor-card">
      <div class="mentor-card-head">
        <span class="mentor-name">{props.mentor.name}</span>
        <span class={`availability availability-${props.mentor.availability} small`}>
          {m().availability[props.mentor.availability]}
        </span>
      </div>
      <p>{props.mentor.headline[locale()]}</p>
      <p class="mentor-text">{props.mentor.bio[locale()]}</p>
      <div class="mentor-meta">
        <Show when={props.mentor.organisation}>{(org) => <span>{org().name}</span>}</Show>
        <span>
          {m().languages}: {languages()}
        </span>
      </div>
      <FocusTags areas={props.mentor.expertise} label={m().expertise} />
      <Show when={props.canAsk && props.mentor.availability !== 'unavailable'}>
        <Show
          when={props.asking}
          fallback={
            <div class="mentor-card-actions">
              <button type="button" class="button button-small" onClick={() => props.onAsk()}>
                {m().ask}
              </button>
            </div>
          }
        >
          {props.form}
        </Show>
      </Show>
    </li>
  );
}
