import { Show } from 'solid-js';
import { useI18n } from '../../app-context.tsx';
import { websiteHref, websiteText } from './website.ts';

/**
 * An organisation's website, opening in a new tab without handing the site a way back into
 * Jalon's window (noopener) or the address of the page it came from (noreferrer).
 */
export function WebsiteLink(props: { website: string | null | undefined; class?: string }) {
  const { t } = useI18n();
  return (
    <Show when={websiteHref(props.website)}>
      {(href) => (
        <p class={props.class ?? 'org-website'}>
          <span class="muted">{t().website.label} </span>
          <a href={href()} target="_blank" rel="noopener noreferrer" class="text-link">
            {websiteText(href())}
            <span class="visually-hidden"> {t().website.newTab}</span>
          </a>
        </p>
      )}
    </Show>
  );
}
