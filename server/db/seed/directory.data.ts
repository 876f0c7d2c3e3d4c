/**
 * Additions to the demo cluster for the directory (issue 7): industrial partners and public
 * agencies, the platform team's account, the mentors of the mentors directory, and who agreed
 * to be listed as a contact. Every name here is FICTIONAL. Plain data, no logic.
 */
import type { Bilingual, OrganisationSeed, PersonSeed } from './types.ts';

export const extraOrganisations: OrganisationSeed[] = [
  {
    slug: 'oncovia-diagnostics',
    name: 'Oncovia Diagnostics',
    kind: 'sme',
    founder: false,
    description: {
      en: 'Diagnostics company developing and manufacturing companion diagnostic kits (IHC and PCR) with pharma partners.',
      fr: 'Entreprise de diagnostic qui développe et fabrique des tests compagnons (IHC et PCR) avec des partenaires pharmaceutiques.',
    },
    focusAreas: ['diagnostics', 'biomarkers', 'regulatory'],
  },
  {
    slug: 'imagyne-medical',
    name: 'Imagyne Medical',
    kind: 'sme',
    founder: false,
    description: {
      en: 'Medical imaging manufacturer partnering with hospitals on AI-assisted reading of oncology scans.',
      fr: 'Fabricant d’imagerie médicale, partenaire des hôpitaux pour la lecture assistée par IA des examens en oncologie.',
    },
    focusAreas: ['imaging', 'ai_clinical_data', 'medical_devices'],
  },
  {
    slug: 'lumen-propriete-industrielle',
    name: 'Lumen Propriété Industrielle',
    kind: 'sme',
    founder: false,
    description: {
      en: 'Patent attorneys specialised in biotechnology and medical devices, counsel to the cluster’s start-ups.',
      fr: 'Cabinet de conseils en propriété industrielle spécialisé en biotechnologies et dispositifs médicaux, conseil des jeunes pousses du cluster.',
    },
    focusAreas: ['intellectual_property', 'business'],
  },
  {
    slug: 'agence-entrepots-donnees-sante',
    name: 'Agence Francilienne des Entrepôts de Données de Santé',
    kind: 'public_agency',
    founder: false,
    description: {
      en: 'Public body coordinating the hospitals’ clinical data warehouses and the governance of research access to them.',
      fr: 'Organisme public qui coordonne les entrepôts de données cliniques des hôpitaux et la gouvernance de leur accès pour la recherche.',
    },
    focusAreas: ['ai_clinical_data', 'epidemiology', 'regulatory'],
  },
];

export const extraPeople: PersonSeed[] = [
  {
    key: 'platform',
    email: 'platform@demo.jalon',
    name: 'Julie Garnier',
    orgSlug: 'team-cell-manufacturing',
    title: 'Head of operations, cell-therapy platform',
  },
  {
    key: 'm-ip',
    email: 'antoine.rousseau@demo.jalon',
    name: 'Antoine Rousseau',
    orgSlug: 'lumen-propriete-industrielle',
    title: 'European patent attorney',
  },
  {
    key: 'm-clinical',
    email: 'amina.diallo@demo.jalon',
    name: 'Dr. Amina Diallo',
    orgSlug: 'gustave-roussy',
    title: 'Medical oncologist, early-phase trials unit',
  },
  {
    key: 'm-business',
    email: 'pierre-yves.martin@demo.jalon',
    name: 'Pierre-Yves Martin',
    orgSlug: 'universite-paris-saclay',
    title: 'Business developer, cluster office',
  },
  {
    key: 'm-cmc',
    email: 'lena.hoffmann@demo.jalon',
    name: 'Dr. Lena Hoffmann',
    orgSlug: 'fabricell-cdmo',
    title: 'CMC director, advanced therapies',
  },
  {
    key: 'm-data',
    email: 'hugo.bernard@demo.jalon',
    name: 'Hugo Bernard',
    orgSlug: 'agence-entrepots-donnees-sante',
    title: 'Data access officer, clinical data warehouses',
  },
  // Each of the seven hospitals' data office (services.data.ts dataHospitals).
  {
    key: 'do-bicetre',
    email: 'claire.fontaine@demo.jalon',
    name: 'Claire Fontaine',
    orgSlug: 'hopital-bicetre-sud',
    title: 'Data office, clinical data warehouse',
  },
  {
    key: 'do-bievre',
    email: 'mehdi.haddad@demo.jalon',
    name: 'Mehdi Haddad',
    orgSlug: 'centre-hospitalier-val-de-bievre',
    title: 'Data office, clinical data warehouse',
  },
  {
    key: 'do-aurele',
    email: 'sophie.lambert@demo.jalon',
    name: 'Sophie Lambert',
    orgSlug: 'hopital-saint-aurele',
    title: 'Data office, clinical data warehouse',
  },
  {
    key: 'do-orge',
    email: 'thomas.nguyen@demo.jalon',
    name: 'Thomas Nguyen',
    orgSlug: 'chu-orge-essonne',
    title: 'Data office, clinical data warehouse',
  },
  {
    key: 'do-tilleuls',
    email: 'aurelie.petit@demo.jalon',
    name: 'Aurélie Petit',
    orgSlug: 'hopital-pediatrique-tilleuls',
    title: 'Data office, clinical data warehouse',
  },
  {
    key: 'do-coteaux',
    email: 'karim.benali@demo.jalon',
    name: 'Karim Benali',
    orgSlug: 'hopital-coteaux-de-seine',
    title: 'Data office, clinical data warehouse',
  },
  {
    key: 'do-marne',
    email: 'isabelle.roche@demo.jalon',
    name: 'Isabelle Roche',
    orgSlug: 'groupe-hospitalier-rives-de-marne',
    title: 'Data office, clinical data warehouse',
  },
];

/** People (keys) who agreed to be listed as contacts of their organisation. */
export const listedContacts = new Set([
  'manager',
  'lead',
  'mentor',
  'partner',
  'platform',
  'm-ip',
  'm-clinical',
  'm-business',
  'm-cmc',
  'm-data',
  'p-julien',
  'p-ines',
  'p-marc',
]);

export interface MentorSeed {
  who: string;
  headline: Bilingual;
  bio: Bilingual;
  expertise: string[];
  languages: string[];
  availability: 'available' | 'limited' | 'unavailable';
}

export const mentorSeeds: MentorSeed[] = [
  {
    who: 'mentor',
    headline: {
      en: 'Regulatory strategy for advanced therapies (ATMP)',
      fr: 'Stratégie réglementaire des médicaments de thérapie innovante (MTI)',
    },
    bio: {
      en: 'Fifteen years of ATMP files, from scientific advice to the first clinical trial application.',
      fr: 'Quinze ans de dossiers MTI, de l’avis scientifique à la première demande d’essai clinique.',
    },
    expertise: ['regulatory', 'cell_therapy', 'gene_therapy'],
    languages: ['fr', 'en'],
    availability: 'limited',
  },
  {
    who: 'm-ip',
    headline: { en: 'Patents and freedom to operate in biotech', fr: 'Brevets et liberté d’exploitation en biotechnologie' },
    bio: {
      en: 'Drafts and defends patents for antibodies, cell therapies and diagnostics; runs FTO analyses before fundraising.',
      fr: 'Rédige et défend des brevets d’anticorps, de thérapies cellulaires et de diagnostics ; mène les analyses de liberté d’exploitation avant les levées de fonds.',
    },
    expertise: ['intellectual_property', 'biologics', 'cell_therapy'],
    languages: ['fr', 'en', 'de'],
    availability: 'available',
  },
  {
    who: 'm-clinical',
    headline: { en: 'Early-phase oncology trial design', fr: 'Conception d’essais précoces en oncologie' },
    bio: {
      en: 'Investigator in forty first-in-human trials; helps teams choose endpoints, doses and sites.',
      fr: 'Investigatrice de quarante essais de première administration chez l’humain ; aide les équipes à choisir critères, doses et centres.',
    },
    expertise: ['clinical_trials', 'immuno_oncology', 'biomarkers'],
    languages: ['fr', 'en'],
    availability: 'available',
  },
  {
    who: 'm-business',
    headline: { en: 'Business models and fundraising for start-ups', fr: 'Modèles économiques et levées de fonds des jeunes pousses' },
    bio: {
      en: 'Former business development lead in pharma; coaches founders from seed to series A.',
      fr: 'Ancien responsable du développement commercial dans l’industrie pharmaceutique ; accompagne les fondateurs de l’amorçage à la série A.',
    },
    expertise: ['business', 'funding', 'digital_health'],
    languages: ['fr', 'en', 'es'],
    availability: 'available',
  },
  {
    who: 'm-cmc',
    headline: { en: 'CMC and GMP manufacturing of cell and gene therapies', fr: 'CMC et production BPF des thérapies cellulaires et géniques' },
    bio: {
      en: 'Scaled three CAR-T processes to GMP; advises on comparability, release testing and tech transfer.',
      fr: 'A porté trois procédés CAR-T jusqu’aux BPF ; conseille sur la comparabilité, les contrôles de libération et les transferts de technologie.',
    },
    expertise: ['manufacturing', 'cell_therapy', 'gene_therapy'],
    languages: ['en', 'de'],
    availability: 'unavailable',
  },
  {
    who: 'm-data',
    headline: { en: 'Access to hospital data for research', fr: 'Accès aux données hospitalières pour la recherche' },
    bio: {
      en: 'Guides projects through data-use agreements, GDPR legal bases and ethics approvals for clinical data warehouses.',
      fr: 'Guide les projets dans les conventions d’usage des données, les bases légales du RGPD et les avis éthiques des entrepôts de données cliniques.',
    },
    expertise: ['ai_clinical_data', 'epidemiology', 'regulatory'],
    languages: ['fr', 'en'],
    availability: 'available',
  },
];
