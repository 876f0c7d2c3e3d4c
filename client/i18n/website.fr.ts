/** Le lien vers le site web d’une organisation dans l’annuaire (`t().website`), comme `website.en.ts`. */
import type { Messages } from './messages.ts';

export const websiteFr: Messages['website'] = {
  label: 'Site web :',
  newTab: '(s’ouvre dans un nouvel onglet)',
};
