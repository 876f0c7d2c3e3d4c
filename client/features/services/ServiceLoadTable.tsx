import { createResource, For, Show } from 'solid-js';
import { useI18n } from '../../app-context.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { servicesApi } from './services-api.ts';

/** Cluster managers: each service's open requests and median days to decision and delivery. */
export function ServiceLoadTable() {
  const { t, locale } = useI18n();
  const l = () => t().services.queue.load;
  const [load] = createResource(servicesApi.load);
  const days = (n: number | null) => (n === null ? l().none : formatNumber(locale(), n));
  return (
    <Show when={!load.error && load.latest}>
      {(data) => (
        <section class="panel load-panel">
          <h2 class="panel-title" id="service-load">
            {l().title}
          </h2>
          {/* On a phone the table scrolls sideways: the keyboard can scroll it too once it has
              focus, and a screen reader names what it is in. */}
          <section class="load-scroll" aria-labelledby="service-load" tabindex="0">
            <table class="load-table">
              <thead>
                <tr>
                  <th scope="col">{l().service}</th>
                  <th scope="col" class="num">
                    {l().open}
                  </th>
                  <th scope="col" class="num">
                    {l().total}
                  </th>
                  <th scope="col" class="num">
                    {l().toDecision}
                  </th>
                  <th scope="col" class="num">
                    {l().toDelivery}
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={data().services}>
                  {(row) => (
                    <tr>
                      <th scope="row">{row.service.name[locale()]}</th>
                      <td class="num">{formatNumber(locale(), row.open)}</td>
                      <td class="num">{formatNumber(locale(), row.total)}</td>
                      <td class="num">{days(row.medianDaysToDecision)}</td>
                      <td class="num">{days(row.medianDaysToDelivery)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </section>
        </section>
      )}
    </Show>
  );
}
