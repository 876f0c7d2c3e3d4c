/** Les textes de l’administration des organisations (`t().adminOrganisations`). */
import type { Messages } from './messages.ts';
import { plural } from './plural.ts';

export const adminOrganisationsFr: Messages['adminOrganisations'] = {
  pageTitle: 'Organisations · Administration',
  title: 'Organisations',
  breadcrumb: 'Administration',
  intro:
    'Accueillez les organisations du cluster, tenez leur fiche d’annuaire à jour et désactivez celles qui l’ont quitté.',
  managersOnly: 'Réservé aux gestionnaires du cluster',
  managersOnlyBody: 'Seul le bureau du programme gère les organisations du cluster.',
  count: (n: number, formatted: string) =>
    plural('fr', n, { one: `${formatted} organisation`, other: `${formatted} organisations` }),
  filters: 'Filtrer les organisations',
  search: 'Rechercher une organisation',
  searchPlaceholder: 'Nom ou adresse…',
  kind: 'Type',
  allKinds: 'Tous les types',
  status: 'Statut',
  statuses: { all: 'Tous les statuts', active: 'Actives', deactivated: 'Désactivées' },
  clear: 'Effacer les filtres',
  create: 'Nouvelle organisation',
  loading: 'Chargement des organisations…',
  loadError: 'Les organisations n’ont pas pu être chargées.',
  emptyTitle: 'Aucune organisation ne correspond',
  emptyBody: 'Modifiez la recherche ou les filtres, ou créez l’organisation.',
  noneTitle: 'Aucune organisation pour l’instant',
  noneBody:
    'Accueillez les premières organisations du cluster : les hôpitaux, les laboratoires, les jeunes pousses.',
  people: (n: number, formatted: string) =>
    plural('fr', n, { one: `${formatted} personne`, other: `${formatted} personnes` }),
  projects: (n: number, formatted: string) =>
    plural('fr', n, { one: `${formatted} projet`, other: `${formatted} projets` }),
  founder: 'Fondateur',
  deactivated: 'Désactivée',
  back: 'Toutes les organisations',
  newTitle: 'Nouvelle organisation',
  editTitle: (name: string) => `Modifier ${name}`,
  notFoundTitle: 'Organisation introuvable',
  notFoundBody: 'Elle a peut-être changé d’adresse. Revenez à la liste des organisations.',
  detailLoading: 'Chargement de l’organisation…',
  detailLoadError: 'L’organisation n’a pas pu être chargée.',
  form: {
    identity: 'Identité',
    name: 'Nom',
    slug: 'Adresse dans l’annuaire',
    slugHint: (example: string) => `Minuscules, chiffres et traits d’union : /directory/${example}`,
    kind: 'Type',
    chooseKind: 'Choisissez un type',
    founder: 'Membre fondateur du cluster',
    website: 'Site web',
    websiteHint: 'Son propre site, commençant par https://',
    descriptionEn: 'Description en anglais',
    descriptionFr: 'Description en français',
    descriptionHint: (max: string) => `Affichée dans l’annuaire ; ${max} caractères au plus.`,
    focusAreas: 'Domaines',
    logo: 'Logo',
    logoHint:
      'Jalon affiche les initiales de l’organisation sur une couleur qui lui est propre : aucune image à téléverser ni à tenir à jour.',
    create: 'Créer l’organisation',
    creating: 'Création…',
    save: 'Enregistrer les modifications',
    saving: 'Enregistrement…',
    saved: 'Modifications enregistrées.',
    nothingChanged: 'Rien à enregistrer : aucun champ n’a changé.',
    offline:
      'Vous êtes hors ligne : ce que vous avez saisi est conservé, vous pourrez enregistrer au retour de la connexion.',
    refused: 'Non enregistré.',
    fixFields: 'Vérifiez les champs signalés en rouge.',
    stale:
      'Quelqu’un a modifié cette organisation depuis que vous l’avez ouverte. Vos modifications sont toujours dans le formulaire : rechargez pour voir les siennes, puis refaites les vôtres.',
    reload: 'Recharger l’organisation',
    errors: {
      name: 'Indiquez un nom de 2 à 120 caractères.',
      slug: 'Utilisez de 2 à 60 minuscules, chiffres et traits d’union simples (ni accents ni espaces).',
      slugTaken: 'Une autre organisation utilise déjà cette adresse : choisissez-en une autre.',
      kind: 'Choisissez un type.',
      website: 'Indiquez une adresse qui commence par http:// ou https://, par exemple https://exemple.fr.',
      description: (max: string) => `${max} caractères au plus.`,
    },
  },
  contacts: {
    title: 'Personnes',
    intro:
      'Toutes les personnes de l’organisation. Celles marquées « contact affiché » ont choisi d’apparaître dans l’annuaire ; elles seules peuvent changer ce choix, depuis sa page d’annuaire.',
    none: 'Personne n’appartient encore à cette organisation. On la rejoint en y étant invité.',
    listed: 'Contact affiché',
    accountDeactivated: 'Compte désactivé',
    noProjectRole: 'Aucun projet',
    more: (shown: string, total: string) => `Les ${shown} premières sur ${total} sont affichées.`,
  },
  projectList: {
    title: 'Projets',
    none: 'L’organisation ne pilote ni ne s’associe à aucun projet.',
    archived: 'Archivé',
    stage: (n: string, name: string) => `Étape ${n} · ${name}`,
    lead: 'Organisation pilote',
  },
  status_: {
    title: 'Statut',
    active: 'Active : visible dans l’annuaire et proposée dans les listes d’organisations.',
    deactivatedOn: (date: string) =>
      `Désactivée le ${date} : masquée de l’annuaire et des listes. Ses membres gardent leur compte.`,
    deactivate: 'Désactiver…',
    reactivate: 'Réactiver',
    reactivating: 'Réactivation…',
    confirmTitle: (name: string) => `Désactiver ${name} ?`,
    confirmBody:
      'Elle disparaît de l’annuaire et des listes d’organisations. Ses membres gardent leur compte et leurs projets ; les projets dont elle est partenaire la gardent comme partenaire. Vous pourrez la réactiver plus tard.',
    confirm: 'Désactiver',
    deactivating: 'Désactivation…',
    cancel: 'Annuler',
    refused: 'Non désactivée.',
    quoted: (title: string) => `« ${title} »`,
    leadsActive: (name: string, titles: string) =>
      `${name} pilote encore des projets actifs (${titles}). Archivez-les ou confiez-les à une autre organisation pilote d’abord.`,
  },
};
