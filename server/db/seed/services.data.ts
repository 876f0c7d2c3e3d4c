/**
 * The demo services and platforms catalogue (fictional offers of the fictional cluster), with
 * each offer's request form as data, and a few past requests so that the handling queue and
 * the load view have a history. Plain data, no logic.
 */
import type { FormField } from '../../../shared/services.ts';
import type { Bilingual, DimensionId, OrganisationKind } from './types.ts';

export interface ServiceSeed {
  slug: string;
  kind: 'platform' | 'data' | 'regulatory' | 'expertise' | 'real_estate' | 'funding';
  name: Bilingual;
  description: Bilingual;
  audience: Bilingual;
  requesterKinds: OrganisationKind[];
  form: FormField[];
  handlingOrgSlug: string | null;
  /** people keys (cluster.data.ts, directory.data.ts) */
  handlers: string[];
  dimension: DimensionId | null;
  /** 'data_access': filed once per named hospital, reviewed by each one's data office */
  requestKind?: 'form' | 'data_access';
}

/** The seven hospitals whose data the cluster opens to projects, and their data offices. */
export const dataHospitals: { slug: string; name: string; office: string[] }[] = [
  { slug: 'hopital-bicetre-sud', name: 'Hôpital Universitaire de Bicêtre-Sud', office: ['do-bicetre'] },
  { slug: 'centre-hospitalier-val-de-bievre', name: 'Centre Hospitalier du Val de Bièvre', office: ['do-bievre'] },
  { slug: 'hopital-saint-aurele', name: 'Hôpital Saint-Aurèle', office: ['do-aurele'] },
  { slug: 'chu-orge-essonne', name: 'CHU Orge-Essonne', office: ['do-orge'] },
  { slug: 'hopital-pediatrique-tilleuls', name: 'Hôpital Pédiatrique des Tilleuls', office: ['do-tilleuls'] },
  { slug: 'hopital-coteaux-de-seine', name: 'Hôpital des Coteaux de Seine', office: ['do-coteaux'] },
  {
    slug: 'groupe-hospitalier-rives-de-marne',
    name: 'Groupe Hospitalier Rives-de-Marne',
    office: ['do-marne'],
  },
];

const purpose: FormField = {
  key: 'purpose',
  type: 'textarea',
  label: { en: 'What do you need, and for which milestone?', fr: 'De quoi avez-vous besoin, et pour quel jalon ?' },
  required: true,
};
const wishedDate: FormField = {
  key: 'wished_date',
  type: 'date',
  label: { en: 'Wished start date', fr: 'Date de début souhaitée' },
  required: false,
};

export const serviceSeeds: ServiceSeed[] = [
  {
    slug: 'cell-therapy-production-slot',
    kind: 'platform',
    name: { en: 'Cell-therapy platform: production slot', fr: 'Plateforme de thérapie cellulaire : créneau de production' },
    description: {
      en: 'A slot in the GMP cleanrooms of the cell-therapy platform to manufacture engineered cells (CAR-T and other ATMPs) for preclinical lots or a first-in-human trial. The platform team plans the slot with you, from starting material to release testing.',
      fr: 'Un créneau dans les salles blanches BPF de la plateforme de thérapie cellulaire pour produire des cellules modifiées (CAR-T et autres MTI), lots précliniques ou premier essai chez l’humain. L’équipe de la plateforme planifie le créneau avec vous, du matériel de départ aux contrôles de libération.',
    },
    audience: {
      en: 'Any project of the cluster with a cell or gene therapy product.',
      fr: 'Tout projet du cluster portant un produit de thérapie cellulaire ou génique.',
    },
    requesterKinds: [],
    form: [
      {
        key: 'product',
        type: 'text',
        label: { en: 'Product (construct, cell type)', fr: 'Produit (construction, type cellulaire)' },
        required: true,
      },
      {
        key: 'lot_purpose',
        type: 'select',
        label: { en: 'Purpose of the lots', fr: 'Destination des lots' },
        required: true,
        options: [
          { value: 'engineering_run', label: { en: 'Engineering run', fr: 'Lot d’ingénierie' } },
          { value: 'preclinical', label: { en: 'Preclinical (GLP) lots', fr: 'Lots précliniques (BPL)' } },
          { value: 'clinical', label: { en: 'Clinical (GMP) lots', fr: 'Lots cliniques (BPF)' } },
        ],
      },
      {
        key: 'batches',
        type: 'number',
        label: { en: 'Number of batches', fr: 'Nombre de lots' },
        required: true,
        min: 1,
        max: 12,
      },
      { ...wishedDate, required: true },
      {
        key: 'notes',
        type: 'textarea',
        label: { en: 'Process constraints, vector supply', fr: 'Contraintes de procédé, approvisionnement en vecteur' },
        required: false,
      },
    ],
    handlingOrgSlug: 'team-cell-manufacturing',
    handlers: ['platform'],
    dimension: 'manufacturing',
  },
  {
    slug: 'cell-therapy-process-development',
    kind: 'platform',
    name: {
      en: 'Cell-therapy platform: process development',
      fr: 'Plateforme de thérapie cellulaire : développement de procédé',
    },
    description: {
      en: 'The platform’s process engineers move a research-scale protocol to a closed, automated process ready for GMP: media, activation, transduction, expansion and the analytical methods that go with them.',
      fr: 'Les ingénieurs procédés de la plateforme transposent un protocole de recherche en procédé clos et automatisé, prêt pour les BPF : milieux, activation, transduction, expansion et méthodes analytiques associées.',
    },
    audience: { en: 'Any project of the cluster.', fr: 'Tout projet du cluster.' },
    requesterKinds: [],
    form: [
      purpose,
      {
        key: 'current_scale',
        type: 'select',
        label: { en: 'Current scale', fr: 'Échelle actuelle' },
        required: true,
        options: [
          { value: 'bench', label: { en: 'Research bench', fr: 'Paillasse de recherche' } },
          { value: 'closed_manual', label: { en: 'Closed, manual', fr: 'Clos, manuel' } },
          { value: 'automated', label: { en: 'Automated', fr: 'Automatisé' } },
        ],
      },
      wishedDate,
    ],
    handlingOrgSlug: 'team-cell-manufacturing',
    handlers: ['platform'],
    dimension: 'manufacturing',
  },
  {
    slug: 'hospital-data-access',
    kind: 'data',
    name: { en: 'Hospital data access: structured extract', fr: 'Accès aux données hospitalières : extraction structurée' },
    description: {
      en: 'A structured, pseudonymised extract from the clinical data warehouse of the cluster’s hospitals, prepared and delivered inside the hospitals’ secure environment. Jalon only tracks the request: no patient-level data is ever entered, stored or exchanged in Jalon.',
      fr: 'Une extraction structurée et pseudonymisée de l’entrepôt de données cliniques des hôpitaux du cluster, préparée et mise à disposition dans l’environnement sécurisé des hôpitaux. Jalon ne suit que la demande : aucune donnée individuelle de patient n’est saisie, stockée ni échangée dans Jalon.',
    },
    audience: {
      en: 'Projects with an ethics approval or a registered study; the data stay in the hospitals’ environment.',
      fr: 'Projets disposant d’un avis éthique ou d’une étude enregistrée ; les données restent dans l’environnement des hôpitaux.',
    },
    requesterKinds: [],
    form: [
      {
        key: 'hospitals',
        type: 'multiselect',
        label: { en: 'Hospitals whose data you ask for', fr: 'Hôpitaux dont vous demandez les données' },
        help: {
          en: 'Each hospital’s data office reviews the request for its own data.',
          fr: 'Le bureau des données de chaque hôpital instruit la demande pour ses propres données.',
        },
        required: true,
        options: dataHospitals.map((h) => ({ value: h.slug, label: { en: h.name, fr: h.name } })),
      },
      {
        key: 'purpose',
        type: 'textarea',
        label: { en: 'Purpose of the processing', fr: 'Finalité du traitement' },
        required: true,
      },
      {
        key: 'cohort_criteria',
        type: 'textarea',
        label: { en: 'Cohort: inclusion and exclusion criteria', fr: 'Cohorte : critères d’inclusion et d’exclusion' },
        required: true,
        max: 3000,
      },
      {
        key: 'variables',
        type: 'textarea',
        label: { en: 'Variables requested', fr: 'Variables demandées' },
        required: true,
        max: 3000,
      },
      {
        key: 'period_from',
        type: 'date',
        label: { en: 'Period covered: from', fr: 'Période couverte : du' },
        required: true,
      },
      {
        key: 'period_to',
        type: 'date',
        label: { en: 'Period covered: to', fr: 'Période couverte : au' },
        required: true,
      },
      {
        key: 'data_categories',
        type: 'multiselect',
        label: { en: 'Data categories', fr: 'Catégories de données' },
        required: true,
        options: [
          { value: 'demographics', label: { en: 'Demographics', fr: 'Données démographiques' } },
          { value: 'diagnoses', label: { en: 'Diagnoses', fr: 'Diagnostics' } },
          { value: 'treatments', label: { en: 'Treatments', fr: 'Traitements' } },
          { value: 'biology', label: { en: 'Laboratory results', fr: 'Résultats de biologie' } },
          { value: 'imaging', label: { en: 'Imaging reports', fr: 'Comptes rendus d’imagerie' } },
          { value: 'pathology', label: { en: 'Pathology reports', fr: 'Comptes rendus d’anatomopathologie' } },
          { value: 'outcomes', label: { en: 'Outcomes and follow-up', fr: 'Évolution et suivi' } },
        ],
      },
      {
        key: 'legal_basis',
        type: 'select',
        label: { en: 'Legal basis (GDPR)', fr: 'Base légale (RGPD)' },
        required: true,
        options: [
          {
            value: 'public_interest',
            label: { en: 'Task in the public interest (art. 6.1.e)', fr: 'Mission d’intérêt public (art. 6.1.e)' },
          },
          {
            value: 'legitimate_interest',
            label: { en: 'Legitimate interest (art. 6.1.f)', fr: 'Intérêt légitime (art. 6.1.f)' },
          },
          { value: 'consent', label: { en: 'Consent (art. 6.1.a)', fr: 'Consentement (art. 6.1.a)' } },
        ],
      },
      {
        key: 'ethics_reference',
        type: 'text',
        label: { en: 'Ethics approval reference', fr: 'Référence de l’avis éthique' },
        help: {
          en: 'The reference of the ethics committee’s approval or of the study’s registration.',
          fr: 'La référence de l’avis du comité d’éthique ou de l’enregistrement de l’étude.',
        },
        required: false,
      },
      {
        key: 'reference_framework',
        type: 'select',
        label: { en: 'Reference framework', fr: 'Cadre de référence' },
        help: {
          en: 'The CNIL reference methodology the study complies with, or its individual CNIL authorisation.',
          fr: 'La méthodologie de référence de la CNIL à laquelle l’étude se conforme, ou son autorisation CNIL individuelle.',
        },
        required: true,
        options: [
          {
            value: 'mr_004',
            label: {
              en: 'MR-004: research not involving the human person',
              fr: 'MR-004 : recherche n’impliquant pas la personne humaine',
            },
          },
          {
            value: 'mr_001',
            label: {
              en: 'MR-001: research involving the human person, with consent',
              fr: 'MR-001 : recherche impliquant la personne humaine, avec consentement',
            },
          },
          {
            value: 'mr_003',
            label: {
              en: 'MR-003: research involving the human person, without consent',
              fr: 'MR-003 : recherche impliquant la personne humaine, sans recueil du consentement',
            },
          },
          {
            value: 'mr_006',
            label: {
              en: 'MR-006: studies for industry (market access)',
              fr: 'MR-006 : études des industriels (accès au marché)',
            },
          },
          {
            value: 'cnil_authorisation',
            label: { en: 'Individual CNIL authorisation', fr: 'Autorisation individuelle de la CNIL' },
          },
        ],
      },
      {
        key: 'authorisation_number',
        type: 'text',
        label: { en: 'CNIL authorisation number', fr: 'Numéro d’autorisation CNIL' },
        help: {
          en: 'Required with an individual CNIL authorisation (e.g. DR-2025-123).',
          fr: 'Obligatoire avec une autorisation individuelle de la CNIL (par ex. DR-2025-123).',
        },
        required: false,
        max: 60,
      },
      {
        key: 'dpo_name',
        type: 'text',
        label: { en: 'Data protection officer (name)', fr: 'Délégué à la protection des données (nom)' },
        required: true,
        max: 120,
      },
      {
        key: 'dpo_email',
        type: 'email',
        label: { en: 'Data protection officer (email)', fr: 'Délégué à la protection des données (e-mail)' },
        required: true,
      },
      {
        key: 'dmp_text',
        type: 'textarea',
        label: { en: 'Data management plan', fr: 'Plan de gestion des données' },
        help: {
          en: 'Where the data are processed, who accesses them, how long they are kept. Give the text, a link, or both.',
          fr: 'Où les données sont traitées, qui y accède, combien de temps elles sont conservées. Le texte, un lien, ou les deux.',
        },
        required: false,
      },
      {
        key: 'dmp_link',
        type: 'url',
        label: { en: 'Data management plan (link)', fr: 'Plan de gestion des données (lien)' },
        required: false,
      },
      {
        key: 'no_patient_data_in_jalon',
        type: 'confirm',
        label: {
          en: 'I will not enter or upload any patient-level data in Jalon: the extract stays in the hospitals’ secure environment.',
          fr: 'Je ne saisirai ni ne déposerai aucune donnée individuelle de patient dans Jalon : l’extraction reste dans l’environnement sécurisé des hôpitaux.',
        },
        required: true,
      },
    ],
    handlingOrgSlug: null,
    handlers: [],
    requestKind: 'data_access',
    dimension: 'data_access',
  },
  {
    slug: 'regulatory-advice',
    kind: 'regulatory',
    name: { en: 'Regulatory advice', fr: 'Conseil réglementaire' },
    description: {
      en: 'Preparation of a scientific advice meeting with the ANSM or the EMA, and of a clinical trial application (CTA) or a device investigation (IDE) file: questions, briefing book, review of the draft.',
      fr: 'Préparation d’un avis scientifique auprès de l’ANSM ou de l’EMA, et d’un dossier de demande d’essai clinique (CTA) ou d’investigation clinique d’un dispositif (IDE) : questions, dossier de présentation, relecture.',
    },
    audience: { en: 'Any project of the cluster.', fr: 'Tout projet du cluster.' },
    requesterKinds: [],
    form: [
      {
        key: 'topic',
        type: 'select',
        label: { en: 'Topic', fr: 'Objet' },
        required: true,
        options: [
          { value: 'ansm_advice', label: { en: 'ANSM scientific advice', fr: 'Avis scientifique ANSM' } },
          { value: 'ema_advice', label: { en: 'EMA scientific advice', fr: 'Avis scientifique EMA' } },
          { value: 'cta', label: { en: 'Clinical trial application (CTA)', fr: 'Demande d’essai clinique (CTA)' } },
          { value: 'ide', label: { en: 'Device investigation (IDE)', fr: 'Investigation clinique de dispositif (IDE)' } },
        ],
      },
      purpose,
      {
        key: 'target_date',
        type: 'date',
        label: { en: 'Target submission date', fr: 'Date de dépôt visée' },
        required: false,
      },
    ],
    handlingOrgSlug: 'bureau-accompagnement-reglementaire',
    handlers: [],
    dimension: 'regulatory',
  },
  {
    slug: 'clinical-expertise',
    kind: 'expertise',
    name: { en: 'Clinical expertise', fr: 'Expertise clinique' },
    description: {
      en: 'An hour or a working session with clinicians of the cluster’s hospitals: unmet need, patient pathway, trial design, endpoints, feasibility at the sites.',
      fr: 'Une heure ou une séance de travail avec des cliniciens des hôpitaux du cluster : besoin médical, parcours patient, schéma d’essai, critères d’évaluation, faisabilité dans les centres.',
    },
    audience: { en: 'Any project of the cluster.', fr: 'Tout projet du cluster.' },
    requesterKinds: [],
    form: [
      purpose,
      {
        key: 'specialty',
        type: 'text',
        label: { en: 'Clinical specialty wanted', fr: 'Spécialité clinique souhaitée' },
        required: true,
      },
      wishedDate,
    ],
    handlingOrgSlug: 'gustave-roussy',
    handlers: ['m-clinical'],
    dimension: 'clinical_need',
  },
  {
    slug: 'business-ip-mentoring',
    kind: 'expertise',
    name: { en: 'Business and IP mentoring', fr: 'Accompagnement business et propriété intellectuelle' },
    description: {
      en: 'Sessions with the programme office’s business developers and IP counsel: freedom to operate, patent strategy, licensing, business model, fundraising pitch.',
      fr: 'Des séances avec les chargés d’affaires et le conseil en propriété industrielle du bureau du programme : liberté d’exploitation, stratégie de brevets, licences, modèle économique, présentation aux investisseurs.',
    },
    audience: { en: 'Any project of the cluster.', fr: 'Tout projet du cluster.' },
    requesterKinds: [],
    form: [
      {
        key: 'topics',
        type: 'multiselect',
        label: { en: 'Topics', fr: 'Sujets' },
        required: true,
        options: [
          { value: 'fto', label: { en: 'Freedom to operate', fr: 'Liberté d’exploitation' } },
          { value: 'patents', label: { en: 'Patent strategy', fr: 'Stratégie de brevets' } },
          { value: 'licensing', label: { en: 'Licensing', fr: 'Licences' } },
          { value: 'business_model', label: { en: 'Business model', fr: 'Modèle économique' } },
          { value: 'fundraising', label: { en: 'Fundraising', fr: 'Levée de fonds' } },
        ],
      },
      purpose,
    ],
    handlingOrgSlug: null,
    handlers: ['m-ip', 'm-business'],
    dimension: 'business',
  },
  {
    slug: 'lab-and-office-space',
    kind: 'real_estate',
    name: { en: 'Lab and office space', fr: 'Laboratoires et bureaux' },
    description: {
      en: 'Laboratory benches (L2), offices and shared equipment in the cluster’s start-up building on the Villejuif campus, from three months.',
      fr: 'Paillasses de laboratoire (L2), bureaux et équipements partagés dans le bâtiment des jeunes pousses du cluster, sur le campus de Villejuif, à partir de trois mois.',
    },
    audience: { en: 'Start-ups of the cluster.', fr: 'Les jeunes pousses du cluster.' },
    requesterKinds: ['startup'],
    form: [
      {
        key: 'space',
        type: 'multiselect',
        label: { en: 'Space wanted', fr: 'Espaces souhaités' },
        required: true,
        options: [
          { value: 'lab_bench', label: { en: 'Lab benches (L2)', fr: 'Paillasses (L2)' } },
          { value: 'office', label: { en: 'Office desks', fr: 'Postes de bureau' } },
          { value: 'cold_room', label: { en: 'Cold room share', fr: 'Part de chambre froide' } },
        ],
      },
      {
        key: 'people',
        type: 'number',
        label: { en: 'People to host', fr: 'Personnes à accueillir' },
        required: true,
        min: 1,
        max: 60,
      },
      { ...wishedDate, required: true },
      {
        key: 'months',
        type: 'number',
        label: { en: 'Duration (months)', fr: 'Durée (mois)' },
        required: true,
        min: 3,
        max: 36,
      },
    ],
    handlingOrgSlug: 'universite-paris-saclay',
    handlers: [],
    dimension: 'team',
  },
  {
    slug: 'maturation-funding',
    kind: 'funding',
    name: { en: 'Maturation funding application', fr: 'Demande de financement de maturation' },
    description: {
      en: 'Support to apply for the regional fund’s maturation grants: eligibility check, budget review and a mock panel before submission.',
      fr: 'Un accompagnement pour candidater aux aides de maturation du fonds régional : vérification de l’éligibilité, revue du budget et jury blanc avant le dépôt.',
    },
    audience: {
      en: 'Academic teams and start-ups of the cluster.',
      fr: 'Les équipes académiques et les jeunes pousses du cluster.',
    },
    requesterKinds: ['startup', 'research_team', 'academic', 'research_institute', 'hospital'],
    form: [
      {
        key: 'amount',
        type: 'number',
        label: { en: 'Amount sought (€)', fr: 'Montant demandé (€)' },
        required: true,
        min: 10000,
        max: 2000000,
      },
      purpose,
      {
        key: 'call_deadline',
        type: 'date',
        label: { en: 'Call deadline', fr: 'Date limite de l’appel' },
        required: false,
      },
    ],
    handlingOrgSlug: 'fonds-innovation-sante-seine-sud',
    handlers: [],
    dimension: 'funding',
  },
];

export interface RequestSeed {
  service: string;
  project: string;
  requester: string;
  answers: Record<string, string | number | boolean | string[]>;
  /** the path it took, with days relative to the seeding day, and who moved it (people key) */
  path: { status: string; day: number; by: string; comment?: string }[];
  scheduledInDays?: number;
  /**
   * data-access requests: after the shared filing (the path's only step), each named hospital's
   * own way through the states, by its data office
   */
  perHospital?: Record<string, { status: string; day: number; by: string; comment?: string }[]>;
}

export const requestSeeds: RequestSeed[] = [
  {
    service: 'cell-therapy-process-development',
    project: 'vct-310-gpc3-armoured-cart',
    requester: 'researcher',
    answers: {
      purpose: 'Move the armoured CAR-T protocol to a closed process before the engineering runs.',
      current_scale: 'bench',
    },
    path: [
      { status: 'submitted', day: -62, by: 'researcher' },
      { status: 'in_review', day: -60, by: 'platform' },
      { status: 'accepted', day: -55, by: 'platform', comment: 'Two process engineers assigned from next month.' },
      { status: 'scheduled', day: -40, by: 'platform' },
      { status: 'delivered', day: -12, by: 'platform', comment: 'Process description and development report sent.' },
    ],
    scheduledInDays: -30,
  },
  {
    service: 'lab-and-office-space',
    project: 'vct-201-cldn18-cart',
    requester: 'lead',
    answers: { space: ['lab_bench'], people: 2, wished_date: '2027-01-04', months: 6 },
    path: [
      { status: 'submitted', day: -34, by: 'lead' },
      { status: 'in_review', day: -33, by: 'manager' },
      { status: 'accepted', day: -29, by: 'manager', comment: 'Two benches free on the second floor.' },
      { status: 'scheduled', day: -22, by: 'manager', comment: 'Keys handed over on the day.' },
    ],
    scheduledInDays: 24,
  },
  {
    service: 'regulatory-advice',
    project: 'vct-201-cldn18-cart',
    requester: 'lead',
    answers: {
      topic: 'ansm_advice',
      purpose: 'Prepare the pre-CTA scientific advice on the comparability of the two vector lots.',
      target_date: '2027-02-15',
    },
    path: [
      { status: 'submitted', day: -6, by: 'lead' },
      { status: 'in_review', day: -4, by: 'manager', comment: 'We will come back with a draft list of questions.' },
    ],
  },
  {
    service: 'hospital-data-access',
    project: 'cldn18-companion-dx',
    requester: 'lead',
    answers: {
      hospitals: ['hopital-bicetre-sud', 'chu-orge-essonne', 'groupe-hospitalier-rives-de-marne'],
      purpose: 'Estimate CLDN18.2 positivity among gastric cancer patients treated in the cluster’s hospitals, to size the companion diagnostic’s validation study.',
      cohort_criteria: 'Adults with a gastric or gastro-oesophageal junction adenocarcinoma diagnosed in the period, with a pathology report; excluding patients who objected to the reuse of their data.',
      variables: 'Age band at diagnosis, sex, tumour site, Lauren type, stage at diagnosis, HER2 and PD-L1 status, CLDN18.2 immunohistochemistry where done, lines of treatment.',
      period_from: '2018-01-01',
      period_to: '2025-12-31',
      data_categories: ['diagnoses', 'pathology'],
      legal_basis: 'public_interest',
      reference_framework: 'mr_004',
      ethics_reference: 'CE-2026-114',
      dpo_name: 'Nathalie Garnier',
      dpo_email: 'dpo@claudiagnostics.example',
      dmp_text: 'Pseudonymised extract processed in each hospital’s secure workspace; aggregate counts only leave it; kept 5 years after the validation study.',
      no_patient_data_in_jalon: true,
    },
    path: [{ status: 'submitted', day: -21, by: 'lead' }],
    perHospital: {
      'hopital-bicetre-sud': [
        { status: 'in_review', day: -18, by: 'do-bicetre' },
        { status: 'accepted', day: -9, by: 'do-bicetre', comment: 'Extract feasible; a data-use agreement follows.' },
      ],
      'chu-orge-essonne': [
        {
          status: 'in_review',
          day: -15,
          by: 'do-orge',
          comment: 'Our CSE reviews MR-004 requests on the first Tuesday of the month.',
        },
      ],
      'groupe-hospitalier-rives-de-marne': [],
    },
  },
  {
    service: 'hospital-data-access',
    project: 'vct-201-cldn18-cart',
    requester: 'lead',
    answers: {
      hospitals: ['hopital-saint-aurele', 'hopital-coteaux-de-seine'],
      purpose: 'Real-world outcomes of third-line gastric cancer, as the external comparator of the first-in-human trial.',
      cohort_criteria: 'Adults with advanced gastric cancer who started a third line of treatment in the period.',
      variables: 'Treatment lines and dates, best response, progression-free and overall survival, ECOG at third line.',
      period_from: '2016-01-01',
      period_to: '2024-12-31',
      data_categories: ['treatments', 'outcomes'],
      legal_basis: 'public_interest',
      reference_framework: 'cnil_authorisation',
      authorisation_number: 'DR-2025-187',
      dpo_name: 'Laurent Mercier',
      dpo_email: 'dpo@vectacell.example',
      dmp_link: 'https://dmp.opidor.fr/plans/48213',
      no_patient_data_in_jalon: true,
    },
    path: [{ status: 'submitted', day: -40, by: 'lead' }],
    perHospital: {
      'hopital-saint-aurele': [
        { status: 'in_review', day: -37, by: 'do-aurele' },
        {
          status: 'declined',
          day: -30,
          by: 'do-aurele',
          comment: 'Too few third-line gastric patients here for a comparator; we suggest the Coteaux de Seine cohort.',
        },
      ],
      'hopital-coteaux-de-seine': [
        { status: 'in_review', day: -36, by: 'do-coteaux' },
        { status: 'accepted', day: -28, by: 'do-coteaux' },
        { status: 'scheduled', day: -25, by: 'do-coteaux', comment: 'Extract prepared in the secure workspace.' },
        { status: 'delivered', day: -5, by: 'do-coteaux', comment: 'Aggregate tables released to the project.' },
      ],
    },
    scheduledInDays: -10,
  },
  {
    service: 'lab-and-office-space',
    project: 'vct-105-b7h3-tce',
    requester: 'lead',
    answers: { space: ['lab_bench', 'office'], people: 6, wished_date: '2026-09-01', months: 12 },
    path: [
      { status: 'submitted', day: -90, by: 'lead' },
      { status: 'in_review', day: -88, by: 'manager' },
      {
        status: 'declined',
        day: -80,
        by: 'manager',
        comment: 'The building is full until spring; we put you on the waiting list.',
      },
    ],
  },
  {
    service: 'cell-therapy-production-slot',
    project: 'lymfora-cd70-allo-cart',
    requester: 'p-antoine',
    answers: { product: 'CD70 allogeneic CAR-T', lot_purpose: 'engineering_run', batches: 2, wished_date: '2027-01-11' },
    path: [{ status: 'submitted', day: -2, by: 'p-antoine' }],
  },
];
