import { For, Show } from 'solid-js';
import { CRITERIA_MAX } from '../../../../shared/schemas/frameworks.ts';
import { useI18n } from '../../../app-context.tsx';
import { formatNumber } from '../../../i18n/format.ts';
import { BilingualField } from './BilingualField.tsx';
import { fieldId } from './form-state.ts';
import { type DraftCriterion, type DraftStage, moved, newCriterion } from './framework-edit.ts';

/**
 * One gate's criteria: each one's kind and texts, moved up or down, retired (listed below,
 * restorable until the save) or added. Buttons, so all of it works by keyboard; after a move the
 * focus follows the criterion.
 */
export function CriteriaEditor(props: {
  stage: DraftStage;
  stagePos: number;
  error: (path: string) => string | undefined;
  onChange: (stage: DraftStage, path?: string) => void;
  onLeave: (path: string, ev: FocusEvent) => void;
}) {
  const { t, locale } = useI18n();
  const f = () => t().frameworksAdmin.form;
  const n = (x: number) => formatNumber(locale(), x);
  const base = () => `stages.${props.stagePos}.criteria`;
  const byUid = (uid: string) => props.stage.criteria.find((c) => c.uid === uid);
  const set = (criteria: DraftCriterion[], path?: string) =>
    props.onChange({ ...props.stage, criteria }, path);

  const move = (from: number, to: number, uid: string) => {
    set(moved(props.stage.criteria, from, to));
    // The moved buttons were taken out of the page and put back: give the focus back to the one
    // pressed, or to its twin when the criterion reached an end of the list.
    queueMicrotask(() => {
      const up = document.getElementById(`${uid}-up`) as HTMLButtonElement | null;
      const down = document.getElementById(`${uid}-down`) as HTMLButtonElement | null;
      const wanted = to < from ? up : down;
      (wanted && !wanted.disabled ? wanted : to < from ? down : up)?.focus();
    });
  };
  const retire = (c: DraftCriterion) => {
    props.onChange({
      ...props.stage,
      criteria: props.stage.criteria.filter((x) => x.uid !== c.uid),
      retired: c.key ? [...props.stage.retired, c] : props.stage.retired,
    });
    queueMicrotask(() => document.getElementById(`fw-add-${props.stage.index}`)?.focus());
  };
  const restore = (c: DraftCriterion) =>
    props.onChange({
      ...props.stage,
      criteria: [...props.stage.criteria, c],
      retired: props.stage.retired.filter((x) => x.uid !== c.uid),
    });
  const add = () => {
    const c = newCriterion();
    set([...props.stage.criteria, c]);
    queueMicrotask(() =>
      document.getElementById(fieldId(`${base()}.${props.stage.criteria.length - 1}.text.en`))?.focus(),
    );
  };

  return (
    <fieldset class="fw-criteria-edit">
      <legend class="fw-legend">{f().criteria}</legend>
      <ol class="fw-criteria-edit-list">
        <For each={props.stage.criteria.map((c) => c.uid)}>
          {(uid, i) => (
            <Show when={byUid(uid)}>
              {(c) => (
                <li class="fw-criterion-edit">
                  <div class="fw-criterion-bar">
                    <span class="fw-criterion-title">
                      {f().criterion(n(i() + 1))}
                      <Show when={!c().key}>
                        {' '}
                        <span class="tag">{f().newCriterion}</span>
                      </Show>
                    </span>
                    <label class="visually-hidden" for={`${uid}-kind`}>
                      {f().kind} ({f().criterion(n(i() + 1))})
                    </label>
                    <select
                      id={`${uid}-kind`}
                      class="select fw-kind-select"
                      onChange={(e) =>
                        set(
                          props.stage.criteria.map((x) =>
                            x.uid === uid ? { ...x, kind: e.currentTarget.value as 'must' | 'should' } : x,
                          ),
                        )
                      }
                    >
                      <option value="must" selected={c().kind === 'must'}>
                        {t().frameworksAdmin.must}
                      </option>
                      <option value="should" selected={c().kind === 'should'}>
                        {t().frameworksAdmin.should}
                      </option>
                    </select>
                    <div class="fw-criterion-buttons">
                      <button
                        type="button"
                        id={`${uid}-up`}
                        class="button button-small"
                        disabled={i() === 0}
                        aria-label={`${f().moveUp}: ${f().criterion(n(i() + 1))}`}
                        onClick={() => move(i(), i() - 1, uid)}
                      >
                        <span aria-hidden="true">↑</span> {f().moveUp}
                      </button>
                      <button
                        type="button"
                        id={`${uid}-down`}
                        class="button button-small"
                        disabled={i() === props.stage.criteria.length - 1}
                        aria-label={`${f().moveDown}: ${f().criterion(n(i() + 1))}`}
                        onClick={() => move(i(), i() + 1, uid)}
                      >
                        <span aria-hidden="true">↓</span> {f().moveDown}
                      </button>
                      <button
                        type="button"
                        class="button button-small button-ghost"
                        aria-label={`${f().retire}: ${f().criterion(n(i() + 1))}`}
                        onClick={() => retire(c())}
                      >
                        {f().retire}
                      </button>
                    </div>
                  </div>
                  <BilingualField
                    path={`${base()}.${i()}.text`}
                    label={f().text}
                    value={c().text}
                    multiline
                    error={props.error}
                    onLeave={props.onLeave}
                    onInput={(text, path) =>
                      set(
                        props.stage.criteria.map((x) => (x.uid === uid ? { ...x, text } : x)),
                        path,
                      )
                    }
                  />
                </li>
              )}
            </Show>
          )}
        </For>
      </ol>
      <Show when={props.error(base())}>
        <p class="field-error">{props.error(base())}</p>
      </Show>
      <button
        type="button"
        id={`fw-add-${props.stage.index}`}
        class="button button-small"
        disabled={props.stage.criteria.length >= CRITERIA_MAX}
        onClick={add}
      >
        + {f().add}
      </button>
      <Show when={props.stage.retired.length > 0}>
        <div class="fw-retired">
          <p class="fw-retired-title small">{f().retired}</p>
          <ul>
            <For each={props.stage.retired}>
              {(c) => (
                <li class="fw-retired-row small">
                  <s>{c.text[locale()]}</s>
                  <button
                    type="button"
                    class="button button-small button-ghost"
                    aria-label={`${f().restore}: ${c.text[locale()]}`}
                    onClick={() => restore(c)}
                  >
                    {f().restore}
                  </button>
                </li>
              )}
            </For>
          </ul>
        </div>
      </Show>
    </fieldset>
  );
}
