import { Show } from 'solid-js';
import { PeopleList } from './PeopleList.tsx';
import { PersonPanel } from './PersonPanel.tsx';

/** /admin/people: the list, or, with an id after it, one person. */
export function PeopleSection(props: { rest: string }) {
  return (
    <Show when={props.rest} keyed fallback={<PeopleList />}>
      {(id) => <PersonPanel id={decodeURIComponent(id)} />}
    </Show>
  );
}
