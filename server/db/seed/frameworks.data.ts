/**
 * Maturation frameworks and readiness dimensions, written in our own words (EN and FR).
 *
 * Three tracks (therapeutics, diagnostics, medical device / digital health), each with nine
 * maturity levels and six stages ending in a gate. The level scales follow the general idea of
 * technology readiness levels for medical products; the wording is ours.
 *
 * Plain data only: no functions, no logic.
 */
import type { DimensionSeed, FrameworkSeed } from './types.ts';

export const frameworks: FrameworkSeed[] = [
  // ---------------------------------------------------------------------------------------------
  // Therapeutics
  // ---------------------------------------------------------------------------------------------
  {
    id: 'therapeutics',
    name: { en: 'Therapeutics', fr: 'Thérapeutiques' },
    description: {
      en:
        'Drug candidates against cancer: small molecules, antibodies and other biologics, cell and gene therapies such as CAR-T. ' +
        'Nine levels from a first biological observation to an authorised medicine.',
      fr:
        'Candidats médicaments contre le cancer : petites molécules, anticorps et autres biomédicaments, thérapies cellulaires ' +
        'et géniques comme les CAR-T. Neuf niveaux, de la première observation biologique au médicament autorisé.',
    },
    levels: [
      {
        level: 1,
        title: { en: 'Biological observation', fr: 'Observation biologique' },
        description: {
          en: 'A published or in-house finding points to a mechanism that could be used against a cancer. No candidate exists yet.',
          fr: 'Un résultat publié ou interne désigne un mécanisme exploitable contre un cancer. Aucun candidat n’existe encore.',
        },
      },
      {
        level: 2,
        title: { en: 'Therapeutic concept', fr: 'Concept thérapeutique' },
        description: {
          en:
            'A target and a way to act on it (small molecule, antibody, cell or gene therapy) are proposed, ' +
            'with a written plan of the first experiments.',
          fr:
            'Une cible et une façon d’agir sur elle (petite molécule, anticorps, thérapie cellulaire ou génique) sont proposées, ' +
            'avec un plan écrit des premières expériences.',
        },
      },
      {
        level: 3,
        title: { en: 'Proof of concept in the lab', fr: 'Preuve de concept au laboratoire' },
        description: {
          en:
            'Experiments in cancer cells or patient samples show that acting on the target has the expected effect, ' +
            'and first molecules or constructs are active.',
          fr:
            'Des expériences sur cellules cancéreuses ou échantillons de patients montrent que l’action sur la cible a l’effet attendu, ' +
            'et de premières molécules ou constructions sont actives.',
        },
      },
      {
        level: 4,
        title: { en: 'Optimised candidates, efficacy in animals', fr: 'Candidats optimisés, efficacité chez l’animal' },
        description: {
          en:
            'Lead candidates are optimised and show efficacy in animal models in exploratory (non-GLP) studies; ' +
            'first exposure and tolerability data help choose the best one.',
          fr:
            'Les candidats principaux sont optimisés et montrent une efficacité dans des modèles animaux lors d’études exploratoires ' +
            '(non BPL) ; de premières données d’exposition et de tolérance guident le choix du meilleur.',
        },
      },
      {
        level: 5,
        title: { en: 'Development candidate selected', fr: 'Candidat au développement sélectionné' },
        description: {
          en:
            'One candidate is chosen, a reproducible way of making it exists at pilot scale, ' +
            'and the regulatory safety studies (GLP) and the path to the clinic are planned.',
          fr:
            'Un candidat unique est retenu, un procédé reproductible permet de le produire à l’échelle pilote, ' +
            'et les études de sécurité réglementaires (BPL) ainsi que le chemin vers la clinique sont planifiés.',
        },
      },
      {
        level: 6,
        title: { en: 'Ready for first-in-human', fr: 'Prêt pour la première administration à l’humain' },
        description: {
          en:
            'GLP safety studies and GMP production of clinical material are complete; ' +
            'the IND or CTA is filed and the first clinical trial opens.',
          fr:
            'Les études de sécurité BPL et la production BPF du lot clinique sont terminées ; ' +
            'le dossier IND ou la demande d’essai clinique (CTA) est déposé et le premier essai s’ouvre.',
        },
      },
      {
        level: 7,
        title: { en: 'Early clinical data (phase 1/2)', fr: 'Premières données cliniques (phase 1/2)' },
        description: {
          en:
            'Safety, dose and first signs of efficacy are established in patients, ' +
            'and clinical batches are made consistently.',
          fr:
            'La sécurité, la dose et les premiers signes d’efficacité sont établis chez les patients, ' +
            'et les lots cliniques sont produits de façon constante.',
        },
      },
      {
        level: 8,
        title: { en: 'Pivotal evidence and marketing application', fr: 'Preuves pivots et demande d’autorisation' },
        description: {
          en:
            'A pivotal trial confirms the benefit, the commercial manufacturing process is validated ' +
            'and the marketing authorisation application is submitted.',
          fr:
            'Un essai pivot confirme le bénéfice, le procédé de fabrication commercial est validé ' +
            'et la demande d’autorisation de mise sur le marché est déposée.',
        },
      },
      {
        level: 9,
        title: { en: 'Authorised medicine', fr: 'Médicament autorisé' },
        description: {
          en:
            'The medicine is authorised (e.g. EMA, FDA) and reaches patients; ' +
            'pharmacovigilance and post-authorisation studies continue.',
          fr:
            'Le médicament est autorisé (par exemple EMA, FDA) et parvient aux patients ; ' +
            'la pharmacovigilance et les études post-autorisation se poursuivent.',
        },
      },
    ],
    stages: [
      {
        index: 0,
        key: 'intake',
        name: { en: 'Intake and qualification', fr: 'Accueil et qualification' },
        minLevel: 1,
        maxLevel: 2,
        gateName: { en: 'Gate 0 — Idea qualified', fr: 'Passage 0 — Idée qualifiée' },
        criteria: [
          {
            key: 't-g0-unmet-need',
            kind: 'must',
            text: {
              en: 'The cancer indication and the unmet medical need are described, together with today’s standard of care.',
              fr: 'L’indication et le besoin médical non couvert sont décrits, ainsi que la prise en charge de référence actuelle.',
            },
          },
          {
            key: 't-g0-target-rationale',
            kind: 'must',
            text: {
              en: 'The target or mechanism is supported by published or in-house data, with references or raw data attached.',
              fr: 'La cible ou le mécanisme s’appuie sur des données publiées ou internes, références ou données brutes jointes.',
            },
          },
          {
            key: 't-g0-modality',
            kind: 'must',
            text: {
              en: 'The modality is chosen (small molecule, antibody, ADC, cell or gene therapy) and the choice is justified.',
              fr: 'La modalité est choisie (petite molécule, anticorps, ADC, thérapie cellulaire ou génique) et ce choix est justifié.',
            },
          },
          {
            key: 't-g0-invention-disclosure',
            kind: 'must',
            text: {
              en: 'An invention disclosure is filed with the technology transfer office, or the reason why none is needed is recorded.',
              fr: 'Une déclaration d’invention est déposée auprès du service de valorisation, ou la raison de son absence est consignée.',
            },
          },
          {
            key: 't-g0-competition',
            kind: 'should',
            text: {
              en: 'Competing programmes, in the clinic and in late preclinical development, are mapped.',
              fr: 'Les programmes concurrents, en clinique et en préclinique avancée, sont cartographiés.',
            },
          },
          {
            key: 't-g0-clinician-input',
            kind: 'should',
            text: {
              en: 'An oncologist who treats the indication has reviewed the concept.',
              fr: 'Un oncologue qui prend en charge l’indication a relu le concept.',
            },
          },
          {
            key: 't-g0-team-time',
            kind: 'should',
            text: {
              en: 'The PI and at least one scientist can commit time to the project over the next 12 months.',
              fr: 'Le porteur et au moins un chercheur peuvent consacrer du temps au projet pendant les 12 prochains mois.',
            },
          },
        ],
      },
      {
        index: 1,
        key: 'proof_of_concept',
        name: { en: 'Proof of concept', fr: 'Preuve de concept' },
        minLevel: 3,
        maxLevel: 3,
        gateName: { en: 'Gate 1 — Proof of concept confirmed', fr: 'Passage 1 — Preuve de concept confirmée' },
        criteria: [
          {
            key: 't-g1-in-vitro-activity',
            kind: 'must',
            text: {
              en:
                'Activity is shown in relevant cancer cell models or patient-derived samples, ' +
                'with dose-response and controls, and reproduced at least twice.',
              fr:
                'L’activité est démontrée sur des modèles cellulaires pertinents ou des échantillons de patients, ' +
                'avec relation dose-effet et contrôles, et reproduite au moins deux fois.',
            },
          },
          {
            key: 't-g1-mechanism',
            kind: 'must',
            text: {
              en: 'The mechanism of action is supported by at least one independent method (target engagement, knock-down, binding).',
              fr: 'Le mécanisme d’action est étayé par au moins une méthode indépendante (engagement de la cible, extinction, liaison).',
            },
          },
          {
            key: 't-g1-prior-art',
            kind: 'must',
            text: {
              en: 'A first prior-art and freedom-to-operate search has been run by the transfer office or a patent attorney.',
              fr:
                'Une première recherche d’antériorité et de liberté d’exploitation a été menée par la valorisation ou un conseil en ' +
                'brevets.',
            },
          },
          {
            key: 't-g1-tpp-draft',
            kind: 'must',
            text: {
              en:
                'A draft target product profile states the indication, patients, route of administration and efficacy and safety targets.',
              fr:
                'Un profil produit cible provisoire précise l’indication, les patients, la voie d’administration ' +
                'et les objectifs d’efficacité et de sécurité.',
            },
          },
          {
            key: 't-g1-car-construct',
            kind: 'should',
            text: {
              en:
                'For CAR-T and other engineered cells: the construct (binder, hinge, co-stimulation domain) is chosen ' +
                'and kills target cells specifically in vitro.',
              fr:
                'Pour les CAR-T et autres cellules modifiées : la construction (domaine de liaison, charnière, co-stimulation) est ' +
                'choisie ' +
                'et tue spécifiquement les cellules cibles in vitro.',
            },
          },
          {
            key: 't-g1-biomarker',
            kind: 'should',
            text: {
              en: 'A candidate biomarker to select or follow patients is identified.',
              fr: 'Un biomarqueur candidat pour sélectionner ou suivre les patients est identifié.',
            },
          },
          {
            key: 't-g1-second-lab',
            kind: 'should',
            text: {
              en: 'Key results are reproduced by a second operator or another laboratory.',
              fr: 'Les résultats clés sont reproduits par un second opérateur ou un autre laboratoire.',
            },
          },
        ],
      },
      {
        index: 2,
        key: 'maturation',
        name: { en: 'Maturation', fr: 'Maturation' },
        minLevel: 4,
        maxLevel: 5,
        gateName: { en: 'Gate 2 — Development candidate selected', fr: 'Passage 2 — Candidat au développement sélectionné' },
        criteria: [
          {
            key: 't-g2-in-vivo-efficacy',
            kind: 'must',
            text: {
              en:
                'Efficacy is shown in at least one relevant animal model (xenograft, syngeneic or PDX) ' +
                'in non-GLP studies with endpoints set in advance.',
              fr:
                'L’efficacité est démontrée dans au moins un modèle animal pertinent (xénogreffe, syngénique ou PDX) ' +
                'lors d’études non BPL aux critères fixés à l’avance.',
            },
          },
          {
            key: 't-g2-lead-optimised',
            kind: 'must',
            text: {
              en:
                'The candidate is optimised for potency, selectivity and developability ' +
                '(stability and solubility; expression and aggregation for biologics; expansion and persistence for cells).',
              fr:
                'Le candidat est optimisé en puissance, sélectivité et aptitude au développement ' +
                '(stabilité et solubilité ; expression et agrégation pour les biomédicaments ; expansion et persistance pour les ' +
                'cellules).',
            },
          },
          {
            key: 't-g2-pk-tolerability',
            kind: 'must',
            text: {
              en: 'First pharmacokinetic and tolerability data in animals support a dose range for the safety studies.',
              fr:
                'De premières données de pharmacocinétique et de tolérance chez l’animal étayent une gamme de doses pour les études de ' +
                'sécurité.',
            },
          },
          {
            key: 't-g2-patent-filed',
            kind: 'must',
            text: {
              en: 'A priority patent application covering the candidate or its use has been filed.',
              fr: 'Une demande de brevet prioritaire couvrant le candidat ou son utilisation a été déposée.',
            },
          },
          {
            key: 't-g2-glp-tox-plan',
            kind: 'must',
            text: {
              en: 'A GLP toxicology plan (species, duration, doses) is drafted and reviewed by a toxicology or regulatory expert.',
              fr: 'Un plan de toxicologie BPL (espèces, durée, doses) est rédigé et relu par un expert en toxicologie ou en réglementaire.',
            },
          },
          {
            key: 't-g2-cmc-feasibility',
            kind: 'should',
            text: {
              en:
                'A manufacturing (CMC) feasibility review exists: synthesis route, production cell line, ' +
                'or for CAR-T the source and supply of the viral vector.',
              fr:
                'Une étude de faisabilité de la production (CMC) existe : voie de synthèse, lignée de production, ' +
                'ou pour les CAR-T l’origine et l’approvisionnement du vecteur viral.',
            },
          },
          {
            key: 't-g2-scientific-advice',
            kind: 'should',
            text: {
              en: 'A scientific advice or pre-submission meeting with an agency (ANSM, EMA, FDA) is planned.',
              fr: 'Un avis scientifique ou une réunion préalable avec une agence (ANSM, EMA, FDA) est planifié.',
            },
          },
          {
            key: 't-g2-partnering',
            kind: 'should',
            text: {
              en: 'Potential industrial partners or investors have received a non-confidential summary and given feedback.',
              fr: 'Des partenaires industriels ou investisseurs potentiels ont reçu un résumé non confidentiel et ont donné leur avis.',
            },
          },
          {
            key: 't-g2-next-funding',
            kind: 'should',
            text: {
              en: 'Funding for the IND/CTA-enabling work is identified (grant, seed round or partner).',
              fr: 'Le financement des études réglementaires précliniques est identifié (subvention, levée d’amorçage ou partenaire).',
            },
          },
        ],
      },
      {
        index: 3,
        key: 'ind_enabling',
        name: { en: 'IND/CTA-enabling studies', fr: 'Études précliniques réglementaires (IND/CTA)' },
        minLevel: 5,
        maxLevel: 6,
        gateName: { en: 'Gate 3 — IND/CTA ready to file', fr: 'Passage 3 — Dossier IND/CTA prêt à déposer' },
        criteria: [
          {
            key: 't-g3-glp-tox',
            kind: 'must',
            text: {
              en: 'GLP toxicology and safety pharmacology studies are completed and their reports are final.',
              fr: 'Les études de toxicologie et de pharmacologie de sécurité BPL sont terminées et leurs rapports finalisés.',
            },
          },
          {
            key: 't-g3-gmp-process',
            kind: 'must',
            text: {
              en:
                'A GMP manufacturing process is in place and a batch of clinical material is produced ' +
                '(for CAR-T: full-scale runs from donor or patient cells).',
              fr:
                'Un procédé de fabrication BPF est en place et un lot de matériel clinique est produit ' +
                '(pour les CAR-T : productions à pleine échelle à partir de cellules de donneurs ou de patients).',
            },
          },
          {
            key: 't-g3-release-assays',
            kind: 'must',
            text: {
              en:
                'Release specifications and tests are qualified: identity, purity, potency, sterility, ' +
                'and for gene-modified cells transduction efficiency and vector copy number.',
              fr:
                'Les spécifications et essais de libération sont qualifiés : identité, pureté, activité, stérilité, ' +
                'et pour les cellules génétiquement modifiées efficacité de transduction et nombre de copies du vecteur.',
            },
          },
          {
            key: 't-g3-vector-supply',
            kind: 'must',
            text: {
              en: 'Supply of critical starting materials is secured by contract (e.g. GMP lentiviral vector, plasmids, cell banks).',
              fr:
                'L’approvisionnement en matières premières critiques est garanti par contrat ' +
                '(par exemple vecteur lentiviral BPF, plasmides, banques cellulaires).',
            },
          },
          {
            key: 't-g3-clinical-protocol',
            kind: 'must',
            text: {
              en: 'The first-in-human protocol and the investigator’s brochure are written, with a justified starting dose.',
              fr:
                'Le protocole de première administration à l’humain et la brochure pour l’investigateur sont rédigés, avec une dose ' +
                'initiale justifiée.',
            },
          },
          {
            key: 't-g3-agency-feedback',
            kind: 'should',
            text: {
              en: 'Feedback from scientific advice or a pre-IND meeting has been taken into account.',
              fr: 'Les retours d’un avis scientifique ou d’une réunion pré-IND ont été pris en compte.',
            },
          },
          {
            key: 't-g3-clinical-sites',
            kind: 'should',
            text: {
              en: 'Clinical sites and a coordinating investigator are identified and their feasibility is confirmed.',
              fr: 'Les centres cliniques et un investigateur coordonnateur sont identifiés et leur faisabilité est confirmée.',
            },
          },
          {
            key: 't-g3-stability',
            kind: 'should',
            text: {
              en: 'Stability studies of the clinical material are running and cover the planned trial duration.',
              fr: 'Des études de stabilité du matériel clinique sont en cours et couvrent la durée prévue de l’essai.',
            },
          },
          {
            key: 't-g3-sponsor',
            kind: 'should',
            text: {
              en: 'The trial sponsor (academic hospital, start-up or partner) is decided and the trial is funded.',
              fr: 'Le promoteur de l’essai (hôpital universitaire, start-up ou partenaire) est désigné et l’essai est financé.',
            },
          },
        ],
      },
      {
        index: 4,
        key: 'early_clinical',
        name: { en: 'Early clinical development', fr: 'Développement clinique précoce' },
        minLevel: 6,
        maxLevel: 7,
        gateName: { en: 'Gate 4 — Clinical proof of concept', fr: 'Passage 4 — Preuve de concept clinique' },
        criteria: [
          {
            key: 't-g4-trial-authorised',
            kind: 'must',
            text: {
              en: 'The IND or CTA is authorised and the ethics committee has given a favourable opinion.',
              fr: 'L’IND ou l’essai clinique est autorisé et le comité de protection des personnes a rendu un avis favorable.',
            },
          },
          {
            key: 't-g4-safety-dose',
            kind: 'must',
            text: {
              en: 'Phase 1 safety data define the dose for further trials, with adverse events reported as the protocol requires.',
              fr:
                'Les données de sécurité de phase 1 définissent la dose pour la suite, ' +
                'avec des événements indésirables déclarés comme le prévoit le protocole.',
            },
          },
          {
            key: 't-g4-efficacy-signal',
            kind: 'must',
            text: {
              en: 'An early efficacy signal (response rate, pharmacodynamic or biomarker effect) is seen in the target population.',
              fr:
                'Un signal précoce d’efficacité (taux de réponse, effet pharmacodynamique ou sur un biomarqueur) est observé dans la ' +
                'population cible.',
            },
          },
          {
            key: 't-g4-batch-consistency',
            kind: 'must',
            text: {
              en:
                'Clinical batches are consistent; for autologous cell therapies, manufacturing success rate ' +
                'and vein-to-vein time are tracked.',
              fr:
                'Les lots cliniques sont homogènes ; pour les thérapies cellulaires autologues, le taux de succès de fabrication ' +
                'et le délai entre prélèvement et réinjection sont suivis.',
            },
          },
          {
            key: 't-g4-patient-selection',
            kind: 'should',
            text: {
              en: 'A patient-selection strategy, with a companion diagnostic if needed, is defined.',
              fr: 'Une stratégie de sélection des patients, avec un test compagnon si nécessaire, est définie.',
            },
          },
          {
            key: 't-g4-scale-up-plan',
            kind: 'should',
            text: {
              en: 'Scale-up or process changes for commercial supply are planned, with a comparability strategy.',
              fr:
                'La montée en échelle ou les changements de procédé pour l’approvisionnement commercial sont planifiés, avec une ' +
                'stratégie de comparabilité.',
            },
          },
          {
            key: 't-g4-pivotal-design',
            kind: 'should',
            text: {
              en: 'The pivotal trial design is discussed with the agencies (end-of-phase 2 meeting or equivalent).',
              fr: 'Le schéma de l’essai pivot est discuté avec les agences (réunion de fin de phase 2 ou équivalent).',
            },
          },
          {
            key: 't-g4-market-access',
            kind: 'should',
            text: {
              en: 'A first health-economic and market-access analysis is available (HAS, payers).',
              fr: 'Une première analyse médico-économique et d’accès au marché est disponible (HAS, payeurs).',
            },
          },
        ],
      },
      {
        index: 5,
        key: 'late_stage',
        name: { en: 'Pivotal development and market access', fr: 'Développement pivot et accès au marché' },
        minLevel: 8,
        maxLevel: 9,
        gateName: { en: 'Gate 5 — Medicine authorised', fr: 'Passage 5 — Médicament autorisé' },
        criteria: [
          {
            key: 't-g5-pivotal-results',
            kind: 'must',
            text: {
              en: 'The pivotal trial has met its primary endpoint.',
              fr: 'L’essai pivot a atteint son critère principal.',
            },
          },
          {
            key: 't-g5-process-validation',
            kind: 'must',
            text: {
              en: 'The commercial manufacturing process is validated at the commercial site.',
              fr: 'Le procédé de fabrication commercial est validé sur le site de production commercial.',
            },
          },
          {
            key: 't-g5-authorisation',
            kind: 'must',
            text: {
              en: 'The marketing authorisation is granted (European Commission after EMA opinion, and/or FDA).',
              fr: 'L’autorisation de mise sur le marché est accordée (Commission européenne après avis de l’EMA, et/ou FDA).',
            },
          },
          {
            key: 't-g5-risk-management',
            kind: 'must',
            text: {
              en:
                'Pharmacovigilance and a risk management plan are in place ' +
                '(for gene-modified cells: long-term follow-up of treated patients).',
              fr:
                'La pharmacovigilance et un plan de gestion des risques sont en place ' +
                '(pour les cellules génétiquement modifiées : suivi à long terme des patients traités).',
            },
          },
          {
            key: 't-g5-pricing',
            kind: 'should',
            text: {
              en: 'The pricing and reimbursement dossier is ready (HAS Transparency Committee, CEPS).',
              fr: 'Le dossier de prix et de remboursement est prêt (commission de la transparence de la HAS, CEPS).',
            },
          },
          {
            key: 't-g5-treatment-centres',
            kind: 'should',
            text: {
              en: 'Treatment centres are qualified and trained (for cell therapies: cell collection, handling and administration).',
              fr:
                'Les centres de traitement sont qualifiés et formés ' +
                '(pour les thérapies cellulaires : prélèvement, manipulation et administration des cellules).',
            },
          },
          {
            key: 't-g5-supply-chain',
            kind: 'should',
            text: {
              en: 'Supply chain and distribution are ready for launch.',
              fr: 'La chaîne d’approvisionnement et la distribution sont prêtes pour le lancement.',
            },
          },
        ],
      },
    ],
  },

  // ---------------------------------------------------------------------------------------------
  // Diagnostics
  // ---------------------------------------------------------------------------------------------
  {
    id: 'diagnostics',
    name: { en: 'Diagnostics', fr: 'Diagnostics' },
    description: {
      en:
        'In vitro diagnostic tests, biomarkers, companion diagnostics and data-driven diagnostic algorithms. ' +
        'Nine levels from a biomarker hypothesis to a CE-marked test (EU IVDR) in routine use.',
      fr:
        'Tests de diagnostic in vitro, biomarqueurs, tests compagnons et algorithmes de diagnostic fondés sur les données. ' +
        'Neuf niveaux, de l’hypothèse de biomarqueur au test marqué CE (règlement IVDR) utilisé en routine.',
    },
    levels: [
      {
        level: 1,
        title: { en: 'Candidate marker identified', fr: 'Marqueur candidat identifié' },
        description: {
          en:
            'A biomarker or signal (molecular, imaging, pathology, clinical data) that could inform a cancer care decision ' +
            'is identified from the literature or from observation.',
          fr:
            'Un biomarqueur ou un signal (moléculaire, imagerie, anatomopathologie, données cliniques) susceptible d’éclairer ' +
            'une décision de prise en charge est identifié dans la littérature ou par observation.',
        },
      },
      {
        level: 2,
        title: { en: 'Test concept defined', fr: 'Concept de test défini' },
        description: {
          en:
            'The intended use, the analyte, the sample or data type and the measuring principle are described, ' +
            'and first feasibility experiments are designed.',
          fr:
            'L’usage prévu, l’analyte, le type d’échantillon ou de données et le principe de mesure sont décrits, ' +
            'et de premières expériences de faisabilité sont conçues.',
        },
      },
      {
        level: 3,
        title: { en: 'Analytical feasibility', fr: 'Faisabilité analytique' },
        description: {
          en:
            'A lab prototype of the assay or algorithm detects the marker in reference samples, ' +
            'with first sensitivity and specificity estimates on a small retrospective set.',
          fr:
            'Un prototype de laboratoire du test ou de l’algorithme détecte le marqueur sur des échantillons de référence, ' +
            'avec de premières estimations de sensibilité et de spécificité sur une petite série rétrospective.',
        },
      },
      {
        level: 4,
        title: { en: 'Optimised prototype, retrospective cohort', fr: 'Prototype optimisé, cohorte rétrospective' },
        description: {
          en:
            'Reagents, protocol or model are refined and tested on a larger annotated retrospective cohort ' +
            'from biobanks or hospital data warehouses.',
          fr:
            'Réactifs, protocole ou modèle sont affinés et testés sur une cohorte rétrospective annotée plus large, ' +
            'issue de biobanques ou d’entrepôts de données hospitaliers.',
        },
      },
      {
        level: 5,
        title: { en: 'Design locked, analytical validation', fr: 'Conception figée, validation analytique' },
        description: {
          en:
            'The test is developed under an ISO 13485 quality system with frozen design inputs, ' +
            'and its analytical performance (precision, detection limit, robustness) is documented.',
          fr:
            'Le test est développé sous système qualité ISO 13485 avec des données d’entrée de conception figées, ' +
            'et ses performances analytiques (fidélité, limite de détection, robustesse) sont documentées.',
        },
      },
      {
        level: 6,
        title: { en: 'Clinical performance study', fr: 'Étude de performance clinique' },
        description: {
          en:
            'The final test is evaluated at one or more clinical sites on prospective or independent well-characterised samples ' +
            'to measure its clinical performance.',
          fr:
            'Le test final est évalué dans un ou plusieurs centres cliniques sur des échantillons prospectifs ou indépendants bien ' +
            'caractérisés ' +
            'afin de mesurer sa performance clinique.',
        },
      },
      {
        level: 7,
        title: { en: 'Multicentre validation, technical file', fr: 'Validation multicentrique, documentation technique' },
        description: {
          en:
            'Clinical performance is confirmed across several centres and the technical documentation ' +
            'for CE marking under the IVDR (or an FDA submission) is compiled.',
          fr:
            'La performance clinique est confirmée dans plusieurs centres et la documentation technique ' +
            'du marquage CE selon l’IVDR (ou d’une soumission à la FDA) est constituée.',
        },
      },
      {
        level: 8,
        title: { en: 'CE marked under the IVDR', fr: 'Marquage CE selon l’IVDR' },
        description: {
          en:
            'A notified body has certified the test under the IVDR (or the FDA has cleared or approved it), ' +
            'and production at commercial scale is validated.',
          fr:
            'Un organisme notifié a certifié le test selon l’IVDR (ou la FDA l’a autorisé), ' +
            'et la production à l’échelle commerciale est validée.',
        },
      },
      {
        level: 9,
        title: { en: 'Routine clinical use', fr: 'Utilisation clinique en routine' },
        description: {
          en:
            'The test is used routinely by hospital or private laboratories, is reimbursed or on its way to reimbursement, ' +
            'and post-market performance follow-up is running.',
          fr:
            'Le test est utilisé en routine par des laboratoires hospitaliers ou privés, il est remboursé ou en voie de l’être, ' +
            'et le suivi des performances après commercialisation est en place.',
        },
      },
    ],
    stages: [
      {
        index: 0,
        key: 'intake',
        name: { en: 'Intake and qualification', fr: 'Accueil et qualification' },
        minLevel: 1,
        maxLevel: 2,
        gateName: { en: 'Gate 0 — Clinical question qualified', fr: 'Passage 0 — Question clinique qualifiée' },
        criteria: [
          {
            key: 'd-g0-clinical-question',
            kind: 'must',
            text: {
              en: 'The clinical decision the test would change (screening, diagnosis, prognosis, treatment choice, monitoring) is stated.',
              fr:
                'La décision clinique que le test modifierait (dépistage, diagnostic, pronostic, choix du traitement, suivi) est énoncée.',
            },
          },
          {
            key: 'd-g0-marker-evidence',
            kind: 'must',
            text: {
              en: 'Published or in-house data link the marker to the clinical outcome of interest.',
              fr: 'Des données publiées ou internes relient le marqueur au critère clinique visé.',
            },
          },
          {
            key: 'd-g0-sample-source',
            kind: 'must',
            text: {
              en:
                'The sample or data type (tissue, blood, imaging, pathology slides, health records) ' +
                'and where it would come from are identified.',
              fr:
                'Le type d’échantillon ou de données (tissu, sang, imagerie, lames d’anatomopathologie, dossiers médicaux) ' +
                'et sa provenance sont identifiés.',
            },
          },
          {
            key: 'd-g0-care-pathway',
            kind: 'should',
            text: {
              en: 'The place of the test in the care pathway is sketched with a clinician.',
              fr: 'La place du test dans le parcours de soins est esquissée avec un clinicien.',
            },
          },
          {
            key: 'd-g0-existing-tests',
            kind: 'should',
            text: {
              en: 'Existing tests and their limits are listed.',
              fr: 'Les tests existants et leurs limites sont recensés.',
            },
          },
          {
            key: 'd-g0-disclosure',
            kind: 'should',
            text: {
              en: 'An invention disclosure is filed with the technology transfer office or planned.',
              fr: 'Une déclaration d’invention est déposée auprès du service de valorisation ou prévue.',
            },
          },
        ],
      },
      {
        index: 1,
        key: 'proof_of_concept',
        name: { en: 'Proof of concept', fr: 'Preuve de concept' },
        minLevel: 3,
        maxLevel: 3,
        gateName: { en: 'Gate 1 — Analytical feasibility shown', fr: 'Passage 1 — Faisabilité analytique démontrée' },
        criteria: [
          {
            key: 'd-g1-feasibility-data',
            kind: 'must',
            text: {
              en: 'A lab prototype of the assay or algorithm detects the marker in reference or spiked samples with a reproducible signal.',
              fr:
                'Un prototype de laboratoire du test ou de l’algorithme détecte le marqueur sur des échantillons de référence ou ' +
                'surchargés ' +
                'avec un signal reproductible.',
            },
          },
          {
            key: 'd-g1-pilot-set',
            kind: 'must',
            text: {
              en: 'A first retrospective pilot set with known outcomes gives an estimate of sensitivity and specificity.',
              fr: 'Une première série pilote rétrospective à l’issue connue fournit une estimation de la sensibilité et de la spécificité.',
            },
          },
          {
            key: 'd-g1-sample-rights',
            kind: 'must',
            text: {
              en: 'The right to use the samples or data is documented (biobank agreement, patient information or consent, ethics opinion).',
              fr:
                'Le droit d’utiliser les échantillons ou les données est documenté ' +
                '(convention avec la biobanque, information ou consentement des patients, avis éthique).',
            },
          },
          {
            key: 'd-g1-prior-art',
            kind: 'must',
            text: {
              en: 'A first prior-art search has been done.',
              fr: 'Une première recherche d’antériorité a été réalisée.',
            },
          },
          {
            key: 'd-g1-intended-use',
            kind: 'should',
            text: {
              en: 'A draft intended-use statement is written.',
              fr: 'Une première rédaction de l’usage prévu est disponible.',
            },
          },
          {
            key: 'd-g1-platform',
            kind: 'should',
            text: {
              en:
                'The measuring platform (PCR, sequencing, immunoassay, imaging, software) is chosen ' +
                'with its availability in hospital laboratories in mind.',
              fr:
                'La plateforme de mesure (PCR, séquençage, immunodosage, imagerie, logiciel) est choisie ' +
                'en tenant compte de sa disponibilité dans les laboratoires hospitaliers.',
            },
          },
          {
            key: 'd-g1-lab-expert',
            kind: 'should',
            text: {
              en: 'A clinical biologist or pathologist is part of the team.',
              fr: 'Un biologiste médical ou un anatomopathologiste fait partie de l’équipe.',
            },
          },
        ],
      },
      {
        index: 2,
        key: 'maturation',
        name: { en: 'Maturation', fr: 'Maturation' },
        minLevel: 4,
        maxLevel: 5,
        gateName: { en: 'Gate 2 — Prototype locked for validation', fr: 'Passage 2 — Prototype figé pour la validation' },
        criteria: [
          {
            key: 'd-g2-retro-cohort',
            kind: 'must',
            text: {
              en:
                'Performance is measured on an independent, annotated retrospective cohort of adequate size, ' +
                'following an analysis plan written beforehand.',
              fr:
                'La performance est mesurée sur une cohorte rétrospective indépendante, annotée et de taille suffisante, ' +
                'selon un plan d’analyse rédigé au préalable.',
            },
          },
          {
            key: 'd-g2-protocol-locked',
            kind: 'must',
            text: {
              en: 'The assay protocol, reagents, cut-off values or model version are locked and documented.',
              fr: 'Le protocole, les réactifs, les seuils de positivité ou la version du modèle sont figés et documentés.',
            },
          },
          {
            key: 'd-g2-hospital-data-agreement',
            kind: 'must',
            text: {
              en:
                'For data-driven tests: data-sharing agreements with the providing hospitals are signed and GDPR compliance ' +
                '(DPIA, legal basis, CNIL reference methodology or authorisation) is documented.',
              fr:
                'Pour les tests fondés sur les données : les conventions de partage avec les hôpitaux fournisseurs sont signées et la ' +
                'conformité ' +
                'au RGPD (AIPD, base légale, méthodologie de référence ou autorisation de la CNIL) est documentée.',
            },
          },
          {
            key: 'd-g2-protection',
            kind: 'must',
            text: {
              en: 'A patent application is filed, or another protection strategy (know-how, software copyright) is decided.',
              fr:
                'Une demande de brevet est déposée, ou une autre stratégie de protection (savoir-faire, droit d’auteur sur le ' +
                'logiciel) est arrêtée.',
            },
          },
          {
            key: 'd-g2-ivdr-class',
            kind: 'should',
            text: {
              en: 'The IVDR risk class and the conformity assessment route are assessed.',
              fr: 'La classe de risque IVDR et la procédure d’évaluation de la conformité sont déterminées.',
            },
          },
          {
            key: 'd-g2-quality-system',
            kind: 'should',
            text: {
              en: 'A plan exists to move development under an ISO 13485 quality system, in-house or with a partner.',
              fr: 'Un plan prévoit de passer le développement sous système qualité ISO 13485, en interne ou avec un partenaire.',
            },
          },
          {
            key: 'd-g2-value-estimate',
            kind: 'should',
            text: {
              en: 'A first estimate of medical and economic value (treatments avoided, cost per test) is made.',
              fr: 'Une première estimation de la valeur médicale et économique (traitements évités, coût par test) est réalisée.',
            },
          },
          {
            key: 'd-g2-industry-interest',
            kind: 'should',
            text: {
              en: 'Diagnostic companies or laboratory networks interested in the test are identified and contacted.',
              fr: 'Des industriels du diagnostic ou des réseaux de laboratoires intéressés par le test sont identifiés et contactés.',
            },
          },
        ],
      },
      {
        index: 3,
        key: 'ind_enabling',
        name: {
          en: 'Analytical validation and regulatory preparation',
          fr: 'Validation analytique et préparation réglementaire',
        },
        minLevel: 5,
        maxLevel: 6,
        gateName: {
          en: 'Gate 3 — Ready for the clinical performance study',
          fr: 'Passage 3 — Prêt pour l’étude de performance clinique',
        },
        criteria: [
          {
            key: 'd-g3-design-control',
            kind: 'must',
            text: {
              en: 'Development runs under design control within an ISO 13485 quality system, and design inputs are frozen.',
              fr:
                'Le développement est conduit en maîtrise de la conception sous système qualité ISO 13485, et les données d’entrée ' +
                'sont figées.',
            },
          },
          {
            key: 'd-g3-analytical-validation',
            kind: 'must',
            text: {
              en:
                'Analytical performance is documented: precision, detection limit, linearity, interferences, robustness ' +
                '(for software: verification against reference datasets).',
              fr:
                'Les performances analytiques sont documentées : fidélité, limite de détection, linéarité, interférences, robustesse ' +
                '(pour un logiciel : vérification sur des jeux de données de référence).',
            },
          },
          {
            key: 'd-g3-study-protocol',
            kind: 'must',
            text: {
              en:
                'The clinical performance study protocol is written and has a favourable ethics opinion, ' +
                'with notification to the competent authority (ANSM) where required.',
              fr:
                'Le protocole de l’étude de performance clinique est rédigé et a reçu un avis éthique favorable, ' +
                'avec notification à l’autorité compétente (ANSM) si nécessaire.',
            },
          },
          {
            key: 'd-g3-lot-consistency',
            kind: 'must',
            text: {
              en: 'Kit or reagent production (or the software release process) is defined and reproducible across lots or versions.',
              fr:
                'La production des kits ou réactifs (ou le processus de mise en production du logiciel) est définie et reproductible ' +
                'd’un lot ou d’une version à l’autre.',
            },
          },
          {
            key: 'd-g3-notified-body',
            kind: 'should',
            text: {
              en: 'A notified body is identified and a first contact is made.',
              fr: 'Un organisme notifié est identifié et un premier contact est établi.',
            },
          },
          {
            key: 'd-g3-software-lifecycle',
            kind: 'should',
            text: {
              en: 'For software or AI components: an IEC 62304 life cycle and a cybersecurity plan are in place.',
              fr: 'Pour les composants logiciels ou d’IA : un cycle de vie IEC 62304 et un plan de cybersécurité sont en place.',
            },
          },
          {
            key: 'd-g3-reference-method',
            kind: 'should',
            text: {
              en: 'The reference method or gold standard for the clinical study is agreed with clinicians.',
              fr: 'La méthode de référence de l’étude clinique est convenue avec les cliniciens.',
            },
          },
        ],
      },
      {
        index: 4,
        key: 'early_clinical',
        name: { en: 'Clinical performance studies', fr: 'Études de performance clinique' },
        minLevel: 6,
        maxLevel: 7,
        gateName: { en: 'Gate 4 — Clinical performance established', fr: 'Passage 4 — Performance clinique établie' },
        criteria: [
          {
            key: 'd-g4-clinical-performance',
            kind: 'must',
            text: {
              en: 'Clinical sensitivity, specificity and predictive values meet the targets set in the study protocol.',
              fr: 'La sensibilité, la spécificité et les valeurs prédictives cliniques atteignent les objectifs fixés par le protocole.',
            },
          },
          {
            key: 'd-g4-multicentre',
            kind: 'must',
            text: {
              en: 'Results are reproduced in at least two independent clinical sites or laboratories.',
              fr: 'Les résultats sont reproduits dans au moins deux centres cliniques ou laboratoires indépendants.',
            },
          },
          {
            key: 'd-g4-technical-documentation',
            kind: 'must',
            text: {
              en: 'The IVDR technical documentation (performance evaluation report, risk management, labelling) is compiled.',
              fr:
                'La documentation technique IVDR (rapport d’évaluation des performances, gestion des risques, étiquetage) ' +
                'est constituée.',
            },
          },
          {
            key: 'd-g4-data-traceability',
            kind: 'must',
            text: {
              en: 'Data used for clinical validation are traceable, with hospital agreements and ethics approvals on file.',
              fr: 'Les données de la validation clinique sont traçables, avec les conventions hospitalières et les avis éthiques archivés.',
            },
          },
          {
            key: 'd-g4-clinical-utility',
            kind: 'should',
            text: {
              en: 'A clinical utility study (impact on decisions or patient outcomes) is planned or under way.',
              fr: 'Une étude d’utilité clinique (effet sur les décisions ou le devenir des patients) est prévue ou en cours.',
            },
          },
          {
            key: 'd-g4-reimbursement-route',
            kind: 'should',
            text: {
              en: 'The reimbursement route in France (RIHN list, innovation funding, NABM listing) is identified.',
              fr: 'La voie de remboursement en France (liste RIHN, forfait innovation, inscription à la NABM) est identifiée.',
            },
          },
          {
            key: 'd-g4-commercial-partner',
            kind: 'should',
            text: {
              en: 'A manufacturing or commercial partner is signed or a term sheet is under negotiation.',
              fr: 'Un partenaire industriel ou commercial est signé, ou une lettre d’intention est en négociation.',
            },
          },
        ],
      },
      {
        index: 5,
        key: 'late_stage',
        name: { en: 'CE marking (IVDR) and adoption', fr: 'Marquage CE (IVDR) et adoption' },
        minLevel: 8,
        maxLevel: 9,
        gateName: { en: 'Gate 5 — Test CE marked and in routine use', fr: 'Passage 5 — Test marqué CE et utilisé en routine' },
        criteria: [
          {
            key: 'd-g5-ce-marking',
            kind: 'must',
            text: {
              en: 'The CE certificate under the IVDR (or FDA clearance or approval) is obtained.',
              fr: 'Le certificat CE selon l’IVDR (ou l’autorisation de la FDA) est obtenu.',
            },
          },
          {
            key: 'd-g5-production-validated',
            kind: 'must',
            text: {
              en: 'Production and quality control at commercial scale are validated.',
              fr: 'La production et le contrôle qualité à l’échelle commerciale sont validés.',
            },
          },
          {
            key: 'd-g5-post-market',
            kind: 'must',
            text: {
              en: 'Post-market surveillance and performance follow-up plans are running.',
              fr: 'Les plans de surveillance après commercialisation et de suivi des performances sont appliqués.',
            },
          },
          {
            key: 'd-g5-reimbursement',
            kind: 'should',
            text: {
              en: 'Reimbursement is obtained, or a transitional funding route is active.',
              fr: 'Le remboursement est obtenu, ou une prise en charge transitoire est active.',
            },
          },
          {
            key: 'd-g5-guidelines',
            kind: 'should',
            text: {
              en: 'The test is cited in clinical guidelines, or a request to include it is being prepared.',
              fr: 'Le test est cité dans des recommandations cliniques, ou une demande d’inscription est en préparation.',
            },
          },
          {
            key: 'd-g5-lab-deployment',
            kind: 'should',
            text: {
              en: 'The test is deployed in several laboratories with trained staff.',
              fr: 'Le test est déployé dans plusieurs laboratoires dont le personnel est formé.',
            },
          },
        ],
      },
    ],
  },

  // ---------------------------------------------------------------------------------------------
  // Medical device / digital health
  // ---------------------------------------------------------------------------------------------
  {
    id: 'device',
    name: { en: 'Medical device / digital health', fr: 'Dispositif médical / santé numérique' },
    description: {
      en:
        'Medical devices, imaging and radiotherapy equipment, software as a medical device and digital health tools. ' +
        'Nine levels from a first concept to a CE-marked product (EU MDR) used in care.',
      fr:
        'Dispositifs médicaux, équipements d’imagerie et de radiothérapie, logiciels dispositifs médicaux et outils de santé numérique. ' +
        'Neuf niveaux, du premier concept au produit marqué CE (règlement MDR) utilisé dans les soins.',
    },
    levels: [
      {
        level: 1,
        title: { en: 'Need and principle identified', fr: 'Besoin et principe identifiés' },
        description: {
          en: 'A need in cancer care and a physical, software or data principle that might meet it are identified.',
          fr:
            'Un besoin dans la prise en charge du cancer et un principe physique, logiciel ou fondé sur les données pouvant y répondre ' +
            'sont identifiés.',
        },
      },
      {
        level: 2,
        title: { en: 'Concept and intended use', fr: 'Concept et usage prévu' },
        description: {
          en:
            'The device or software concept is described with its intended use, users and likely risk class, ' +
            'and technical options are compared.',
          fr:
            'Le concept de dispositif ou de logiciel est décrit avec son usage prévu, ses utilisateurs et sa classe de risque probable, ' +
            'et les options techniques sont comparées.',
        },
      },
      {
        level: 3,
        title: { en: 'Proof of principle', fr: 'Preuve de principe' },
        description: {
          en: 'Bench tests, simulations or a first algorithm run on existing data show that the key function works.',
          fr:
            'Des essais sur banc, des simulations ou un premier algorithme appliqué à des données existantes montrent que la fonction ' +
            'clé marche.',
        },
      },
      {
        level: 4,
        title: { en: 'Working prototype', fr: 'Prototype fonctionnel' },
        description: {
          en:
            'A research prototype combining the main components works in the lab or on retrospective data, ' +
            'and first feedback from users is collected.',
          fr:
            'Un prototype de recherche réunissant les principaux composants fonctionne au laboratoire ou sur données rétrospectives, ' +
            'et de premiers retours d’utilisateurs sont recueillis.',
        },
      },
      {
        level: 5,
        title: { en: 'Design inputs under a quality system', fr: 'Exigences de conception sous système qualité' },
        description: {
          en:
            'Development moves under design control (ISO 13485, IEC 62304 for software) with documented requirements, ' +
            'risk analysis and usability plan; an advanced prototype is tested in simulated use.',
          fr:
            'Le développement passe en maîtrise de la conception (ISO 13485, IEC 62304 pour le logiciel) avec exigences, analyse de ' +
            'risques ' +
            'et plan d’aptitude à l’utilisation documentés ; un prototype avancé est testé en conditions simulées.',
        },
      },
      {
        level: 6,
        title: { en: 'Design freeze and verification', fr: 'Gel de la conception et vérification' },
        description: {
          en:
            'The design is frozen and verified (safety, software, cybersecurity, biocompatibility where relevant), ' +
            'and a first clinical investigation or pilot is authorised.',
          fr:
            'La conception est figée et vérifiée (sécurité, logiciel, cybersécurité, biocompatibilité le cas échéant), ' +
            'et une première investigation clinique ou un pilote est autorisé.',
        },
      },
      {
        level: 7,
        title: { en: 'Clinical validation', fr: 'Validation clinique' },
        description: {
          en:
            'A clinical investigation in the target setting confirms safety and performance, ' +
            'and summative usability validation is complete.',
          fr:
            'Une investigation clinique dans le contexte visé confirme la sécurité et les performances, ' +
            'et la validation sommative de l’aptitude à l’utilisation est terminée.',
        },
      },
      {
        level: 8,
        title: { en: 'CE marked under the MDR', fr: 'Marquage CE selon le MDR' },
        description: {
          en:
            'Conformity assessment is passed (notified body under the EU MDR, or FDA clearance), ' +
            'and production or deployment at commercial scale is validated.',
          fr:
            'L’évaluation de la conformité est réussie (organisme notifié selon le MDR, ou autorisation de la FDA), ' +
            'et la production ou le déploiement à l’échelle commerciale est validé.',
        },
      },
      {
        level: 9,
        title: { en: 'Deployed in routine care', fr: 'Déployé dans les soins courants' },
        description: {
          en:
            'The device is used in routine care, with post-market surveillance, controlled updates ' +
            'and evidence of reimbursement or adoption.',
          fr:
            'Le dispositif est utilisé en routine, avec surveillance après commercialisation, mises à jour maîtrisées ' +
            'et preuves de remboursement ou d’adoption.',
        },
      },
    ],
    stages: [
      {
        index: 0,
        key: 'intake',
        name: { en: 'Intake and qualification', fr: 'Accueil et qualification' },
        minLevel: 1,
        maxLevel: 2,
        gateName: { en: 'Gate 0 — Need and concept qualified', fr: 'Passage 0 — Besoin et concept qualifiés' },
        criteria: [
          {
            key: 'm-g0-clinical-need',
            kind: 'must',
            text: {
              en: 'The clinical need is described with its users (patients, physicians, nurses, technicians) and the care setting.',
              fr:
                'Le besoin clinique est décrit avec ses utilisateurs (patients, médecins, infirmiers, manipulateurs) et le lieu de soins.',
            },
          },
          {
            key: 'm-g0-concept',
            kind: 'must',
            text: {
              en: 'The device or software concept and the principle it relies on are described in writing.',
              fr: 'Le concept de dispositif ou de logiciel et le principe sur lequel il repose sont décrits par écrit.',
            },
          },
          {
            key: 'm-g0-qualification',
            kind: 'must',
            text: {
              en: 'A first intended use is written and whether the product qualifies as a medical device is assessed.',
              fr: 'Un premier usage prévu est rédigé et la qualification du produit en dispositif médical est évaluée.',
            },
          },
          {
            key: 'm-g0-existing-solutions',
            kind: 'should',
            text: {
              en: 'Existing solutions and their limits are mapped.',
              fr: 'Les solutions existantes et leurs limites sont cartographiées.',
            },
          },
          {
            key: 'm-g0-clinical-champion',
            kind: 'should',
            text: {
              en: 'A clinical champion is involved in the project.',
              fr: 'Un clinicien référent est impliqué dans le projet.',
            },
          },
          {
            key: 'm-g0-disclosure',
            kind: 'should',
            text: {
              en: 'An invention disclosure is filed with the technology transfer office or planned.',
              fr: 'Une déclaration d’invention est déposée auprès du service de valorisation ou prévue.',
            },
          },
        ],
      },
      {
        index: 1,
        key: 'proof_of_concept',
        name: { en: 'Proof of concept', fr: 'Preuve de concept' },
        minLevel: 3,
        maxLevel: 3,
        gateName: { en: 'Gate 1 — Principle demonstrated', fr: 'Passage 1 — Principe démontré' },
        criteria: [
          {
            key: 'm-g1-bench-proof',
            kind: 'must',
            text: {
              en:
                'Bench tests, simulation or an algorithm run on existing data show the key function works against criteria set beforehand.',
              fr:
                'Des essais sur banc, une simulation ou un algorithme appliqué à des données existantes montrent que la fonction clé ' +
                'marche ' +
                'selon des critères fixés au préalable.',
            },
          },
          {
            key: 'm-g1-risk-class',
            kind: 'must',
            text: {
              en: 'The risk class under the EU MDR is estimated (e.g. rule 11 for software).',
              fr: 'La classe de risque selon le MDR est estimée (par exemple règle 11 pour les logiciels).',
            },
          },
          {
            key: 'm-g1-data-source',
            kind: 'must',
            text: {
              en:
                'For software trained or tested on patient data: the data source, its legal basis ' +
                'and the data-sharing agreement needed are identified.',
              fr:
                'Pour un logiciel entraîné ou testé sur des données de patients : la source des données, sa base légale ' +
                'et la convention de partage nécessaire sont identifiées.',
            },
          },
          {
            key: 'm-g1-prior-art',
            kind: 'must',
            text: {
              en: 'A first prior-art search has been done.',
              fr: 'Une première recherche d’antériorité a été réalisée.',
            },
          },
          {
            key: 'm-g1-user-interviews',
            kind: 'should',
            text: {
              en: 'At least five intended users have been interviewed about the need and their workflow.',
              fr: 'Au moins cinq utilisateurs visés ont été interrogés sur le besoin et leur façon de travailler.',
            },
          },
          {
            key: 'm-g1-architecture',
            kind: 'should',
            text: {
              en: 'A first technical architecture (hardware, software, hosting) is drafted.',
              fr: 'Une première architecture technique (matériel, logiciel, hébergement) est esquissée.',
            },
          },
          {
            key: 'm-g1-business-model',
            kind: 'should',
            text: {
              en: 'A first business model hypothesis (who pays, and for what) is written.',
              fr: 'Une première hypothèse de modèle économique (qui paie, et pour quoi) est rédigée.',
            },
          },
        ],
      },
      {
        index: 2,
        key: 'maturation',
        name: { en: 'Maturation', fr: 'Maturation' },
        minLevel: 4,
        maxLevel: 5,
        gateName: { en: 'Gate 2 — Prototype endorsed by users', fr: 'Passage 2 — Prototype validé par les utilisateurs' },
        criteria: [
          {
            key: 'm-g2-working-prototype',
            kind: 'must',
            text: {
              en: 'A working prototype with the main functions is tested in the lab or on retrospective data.',
              fr: 'Un prototype fonctionnel réunissant les fonctions principales est testé au laboratoire ou sur données rétrospectives.',
            },
          },
          {
            key: 'm-g2-formative-usability',
            kind: 'must',
            text: {
              en: 'Formative usability tests with representative users are done and their findings are logged.',
              fr:
                'Des tests formatifs d’aptitude à l’utilisation avec des utilisateurs représentatifs sont réalisés et leurs constats ' +
                'consignés.',
            },
          },
          {
            key: 'm-g2-requirements',
            kind: 'must',
            text: {
              en: 'User needs and first design requirements are documented and traceable to each other.',
              fr: 'Les besoins des utilisateurs et les premières exigences de conception sont documentés et reliés entre eux.',
            },
          },
          {
            key: 'm-g2-ip-protection',
            kind: 'must',
            text: {
              en: 'A patent is filed, or another protection (software copyright, know-how, trademark) is in place.',
              fr: 'Un brevet est déposé, ou une autre protection (droit d’auteur sur le logiciel, savoir-faire, marque) est en place.',
            },
          },
          {
            key: 'm-g2-quality-system',
            kind: 'should',
            text: {
              en: 'An ISO 13485 quality system, in-house or through a partner, is planned or started.',
              fr: 'Un système qualité ISO 13485, en interne ou via un partenaire, est prévu ou engagé.',
            },
          },
          {
            key: 'm-g2-health-data-hosting',
            kind: 'should',
            text: {
              en: 'For software handling health data: a certified health data host (HDS in France) is chosen.',
              fr: 'Pour un logiciel traitant des données de santé : un hébergeur certifié de données de santé (HDS) est choisi.',
            },
          },
          {
            key: 'm-g2-payment-route',
            kind: 'should',
            text: {
              en:
                'The payment route is identified (hospital purchase, LPPR listing, remote monitoring, ' +
                'early coverage for digital devices).',
              fr:
                'La voie de financement est identifiée (achat hospitalier, inscription à la LPPR, télésurveillance, ' +
                'prise en charge anticipée numérique).',
            },
          },
          {
            key: 'm-g2-manufacturing-partner',
            kind: 'should',
            text: {
              en: 'For hardware: a contract manufacturer or a production approach is identified.',
              fr: 'Pour le matériel : un sous-traitant de fabrication ou un mode de production est identifié.',
            },
          },
        ],
      },
      {
        index: 3,
        key: 'ind_enabling',
        name: { en: 'Design freeze and verification', fr: 'Gel de la conception et vérification' },
        minLevel: 5,
        maxLevel: 6,
        gateName: { en: 'Gate 3 — Design frozen and verified', fr: 'Passage 3 — Conception figée et vérifiée' },
        criteria: [
          {
            key: 'm-g3-design-control',
            kind: 'must',
            text: {
              en:
                'Development is under design control (ISO 13485, IEC 62304 for software) ' +
                'with a risk management file following ISO 14971.',
              fr:
                'Le développement est en maîtrise de la conception (ISO 13485, IEC 62304 pour le logiciel) ' +
                'avec un dossier de gestion des risques selon l’ISO 14971.',
            },
          },
          {
            key: 'm-g3-design-freeze',
            kind: 'must',
            text: {
              en: 'The design is frozen and its configuration is under change control.',
              fr: 'La conception est figée et sa configuration est sous maîtrise des modifications.',
            },
          },
          {
            key: 'm-g3-verification',
            kind: 'must',
            text: {
              en:
                'Verification tests are passed: electrical safety and electromagnetic compatibility (IEC 60601), ' +
                'software tests, biocompatibility where relevant.',
              fr:
                'Les essais de vérification sont réussis : sécurité électrique et compatibilité électromagnétique (IEC 60601), ' +
                'tests logiciels, biocompatibilité le cas échéant.',
            },
          },
          {
            key: 'm-g3-cybersecurity',
            kind: 'must',
            text: {
              en: 'Cybersecurity risks are analysed and controls are tested (threat model, penetration test, secure update process).',
              fr:
                'Les risques de cybersécurité sont analysés et les mesures testées ' +
                '(modèle de menaces, test d’intrusion, processus de mise à jour sécurisé).',
            },
          },
          {
            key: 'm-g3-investigation-plan',
            kind: 'must',
            text: {
              en:
                'The clinical investigation plan has a favourable ethics opinion and, where required, ' +
                'the authorisation of the competent authority (ANSM).',
              fr:
                'Le plan d’investigation clinique a reçu un avis éthique favorable et, si nécessaire, ' +
                'l’autorisation de l’autorité compétente (ANSM).',
            },
          },
          {
            key: 'm-g3-interoperability',
            kind: 'should',
            text: {
              en: 'Interoperability with hospital information systems (HL7 FHIR, DICOM) is demonstrated.',
              fr: 'L’interopérabilité avec les systèmes d’information hospitaliers (HL7 FHIR, DICOM) est démontrée.',
            },
          },
          {
            key: 'm-g3-notified-body',
            kind: 'should',
            text: {
              en: 'A notified body is selected and a preliminary discussion has taken place.',
              fr: 'Un organisme notifié est choisi et un échange préliminaire a eu lieu.',
            },
          },
          {
            key: 'm-g3-dpia',
            kind: 'should',
            text: {
              en: 'A data protection impact assessment (DPIA) is completed.',
              fr: 'Une analyse d’impact relative à la protection des données (AIPD) est réalisée.',
            },
          },
        ],
      },
      {
        index: 4,
        key: 'early_clinical',
        name: { en: 'Clinical investigation and pilots', fr: 'Investigation clinique et pilotes' },
        minLevel: 6,
        maxLevel: 7,
        gateName: {
          en: 'Gate 4 — Clinical performance and usability validated',
          fr: 'Passage 4 — Performances cliniques et utilisabilité validées',
        },
        criteria: [
          {
            key: 'm-g4-clinical-results',
            kind: 'must',
            text: {
              en: 'The clinical investigation meets its safety and performance endpoints.',
              fr: 'L’investigation clinique atteint ses critères de sécurité et de performance.',
            },
          },
          {
            key: 'm-g4-summative-usability',
            kind: 'must',
            text: {
              en: 'Summative usability validation with representative users in realistic conditions is passed.',
              fr:
                'La validation sommative de l’aptitude à l’utilisation, avec des utilisateurs représentatifs en conditions réalistes, ' +
                'est réussie.',
            },
          },
          {
            key: 'm-g4-technical-file',
            kind: 'must',
            text: {
              en:
                'The MDR technical documentation (clinical evaluation report, risk file, labelling, instructions for use) ' +
                'is complete.',
              fr:
                'La documentation technique MDR (rapport d’évaluation clinique, dossier de risques, étiquetage, notice d’utilisation) ' +
                'est complète.',
            },
          },
          {
            key: 'm-g4-pilot-sites',
            kind: 'should',
            text: {
              en: 'The device is piloted at one or more hospital sites, with workflow impact and user satisfaction measured.',
              fr:
                'Le dispositif est testé en pilote dans un ou plusieurs hôpitaux, avec mesure de l’effet sur l’organisation et de la ' +
                'satisfaction.',
            },
          },
          {
            key: 'm-g4-health-economics',
            kind: 'should',
            text: {
              en: 'A medico-economic study to support reimbursement is planned or under way.',
              fr: 'Une étude médico-économique à l’appui du remboursement est prévue ou en cours.',
            },
          },
          {
            key: 'm-g4-scale-ready',
            kind: 'should',
            text: {
              en: 'Production or cloud deployment is ready to scale.',
              fr: 'La production ou le déploiement en ligne est prêt à changer d’échelle.',
            },
          },
        ],
      },
      {
        index: 5,
        key: 'late_stage',
        name: { en: 'CE marking (MDR) and deployment', fr: 'Marquage CE (MDR) et déploiement' },
        minLevel: 8,
        maxLevel: 9,
        gateName: { en: 'Gate 5 — CE marked and used in care', fr: 'Passage 5 — Marqué CE et utilisé dans les soins' },
        criteria: [
          {
            key: 'm-g5-ce-marking',
            kind: 'must',
            text: {
              en: 'The CE certificate under the MDR (or FDA clearance) is obtained.',
              fr: 'Le certificat CE selon le MDR (ou l’autorisation de la FDA) est obtenu.',
            },
          },
          {
            key: 'm-g5-post-market',
            kind: 'must',
            text: {
              en: 'Post-market surveillance, vigilance and post-market clinical follow-up are running.',
              fr:
                'La surveillance après commercialisation, la matériovigilance et le suivi clinique après commercialisation sont en place.',
            },
          },
          {
            key: 'm-g5-change-control',
            kind: 'must',
            text: {
              en: 'Updates (software versions, model retraining) follow a documented change-control process.',
              fr:
                'Les mises à jour (versions logicielles, réentraînement des modèles) suivent un processus documenté de maîtrise des ' +
                'modifications.',
            },
          },
          {
            key: 'm-g5-reimbursement',
            kind: 'should',
            text: {
              en: 'Reimbursement or a purchasing contract with hospitals is obtained.',
              fr: 'Un remboursement ou un contrat d’achat avec des hôpitaux est obtenu.',
            },
          },
          {
            key: 'm-g5-adoption',
            kind: 'should',
            text: {
              en: 'Several centres use the device routinely, and usage data are collected.',
              fr: 'Plusieurs centres utilisent le dispositif en routine, et des données d’usage sont recueillies.',
            },
          },
          {
            key: 'm-g5-support',
            kind: 'should',
            text: {
              en: 'User training, support and maintenance are organised.',
              fr: 'La formation des utilisateurs, le support et la maintenance sont organisés.',
            },
          },
        ],
      },
    ],
  },
];

export const readinessDimensions: DimensionSeed[] = [
  {
    id: 'technology',
    name: { en: 'Technology', fr: 'Technologie' },
    description: {
      en: 'How far the product itself has been built and proven, from an idea to a product used in practice.',
      fr: 'Jusqu’où le produit lui-même a été construit et éprouvé, de l’idée au produit utilisé en pratique.',
    },
    levels: [
      {
        level: 1,
        text: {
          en: 'A scientific observation suggests an application; nothing has been built or tested.',
          fr: 'Une observation scientifique suggère une application ; rien n’a été construit ni testé.',
        },
      },
      {
        level: 2,
        text: {
          en: 'The application and the technical approach are described in writing, without supporting experiments.',
          fr: 'L’application et l’approche technique sont décrites par écrit, sans expérience à l’appui.',
        },
      },
      {
        level: 3,
        text: {
          en: 'First lab experiments show that the key principle works.',
          fr: 'De premières expériences au laboratoire montrent que le principe clé fonctionne.',
        },
      },
      {
        level: 4,
        text: {
          en: 'A prototype or lead candidate works reproducibly in controlled lab conditions.',
          fr: 'Un prototype ou un candidat principal fonctionne de façon reproductible en conditions contrôlées de laboratoire.',
        },
      },
      {
        level: 5,
        text: {
          en: 'The prototype or candidate performs in a relevant model (animals, retrospective samples, simulated use).',
          fr:
            'Le prototype ou le candidat donne des résultats dans un modèle pertinent (animal, échantillons rétrospectifs, usage simulé).',
        },
      },
      {
        level: 6,
        text: {
          en: 'A near-final version is tested in conditions close to real use and is ready for first use in humans.',
          fr:
            'Une version quasi définitive est testée en conditions proches de l’usage réel et est prête pour une première utilisation ' +
            'chez l’humain.',
        },
      },
      {
        level: 7,
        text: {
          en: 'The product performs as expected in patients or in real clinical settings.',
          fr: 'Le produit fonctionne comme prévu chez des patients ou en situation clinique réelle.',
        },
      },
      {
        level: 8,
        text: {
          en: 'The final product is validated in a pivotal study and its specifications are locked.',
          fr: 'Le produit final est validé par une étude pivot et ses spécifications sont figées.',
        },
      },
      {
        level: 9,
        text: {
          en: 'The product is in routine use and its real-world performance is monitored.',
          fr: 'Le produit est utilisé en routine et ses performances en vie réelle sont surveillées.',
        },
      },
    ],
  },
  {
    id: 'clinical_need',
    name: { en: 'Clinical need', fr: 'Besoin clinique' },
    description: {
      en: 'How well the medical problem, the patients concerned and the benefit clinicians expect are understood and confirmed.',
      fr:
        'Dans quelle mesure le problème médical, les patients concernés et le bénéfice attendu par les cliniciens sont compris et ' +
        'confirmés.',
    },
    levels: [
      {
        level: 1,
        text: {
          en: 'The medical problem is assumed from general knowledge; no clinician has been consulted.',
          fr: 'Le problème médical est supposé à partir de connaissances générales ; aucun clinicien n’a été consulté.',
        },
      },
      {
        level: 2,
        text: {
          en: 'The indication and the patient population are named, based on the literature.',
          fr: 'L’indication et la population de patients sont nommées, sur la base de la littérature.',
        },
      },
      {
        level: 3,
        text: {
          en: 'Several clinicians confirm the need in interviews, and current care and its limits are described.',
          fr: 'Plusieurs cliniciens confirment le besoin en entretien, et la prise en charge actuelle et ses limites sont décrites.',
        },
      },
      {
        level: 4,
        text: {
          en: 'The target population is quantified (incidence, line of treatment) and the expected benefit is stated.',
          fr: 'La population cible est chiffrée (incidence, ligne de traitement) et le bénéfice attendu est énoncé.',
        },
      },
      {
        level: 5,
        text: {
          en: 'A target product profile has been reviewed by clinicians and recognised experts of the field.',
          fr: 'Un profil produit cible a été relu par des cliniciens et des experts reconnus du domaine.',
        },
      },
      {
        level: 6,
        text: {
          en: 'Clinical endpoints and the place in the care pathway are agreed with clinical investigators.',
          fr: 'Les critères cliniques et la place dans le parcours de soins sont convenus avec des investigateurs cliniques.',
        },
      },
      {
        level: 7,
        text: {
          en: 'Early clinical data show a benefit that matters to patients and clinicians.',
          fr: 'De premières données cliniques montrent un bénéfice qui compte pour les patients et les cliniciens.',
        },
      },
      {
        level: 8,
        text: {
          en: 'A pivotal study confirms the benefit over the current standard of care.',
          fr: 'Une étude pivot confirme le bénéfice par rapport à la prise en charge de référence.',
        },
      },
      {
        level: 9,
        text: {
          en: 'The product is recommended in clinical guidelines or widely adopted in practice.',
          fr: 'Le produit est recommandé dans les référentiels cliniques ou largement adopté en pratique.',
        },
      },
    ],
  },
  {
    id: 'business',
    name: { en: 'Business and market', fr: 'Marché et modèle économique' },
    description: {
      en: 'How clearly the route to market, the customers, the payers and the value for partners are defined and tested.',
      fr: 'Avec quelle clarté la voie vers le marché, les clients, les payeurs et la valeur pour les partenaires sont définis et éprouvés.',
    },
    levels: [
      {
        level: 1,
        text: {
          en: 'No thought yet about who would develop, buy or pay for the product.',
          fr: 'Aucune réflexion encore sur qui développerait, achèterait ou paierait le produit.',
        },
      },
      {
        level: 2,
        text: {
          en: 'A possible market and type of customer are named.',
          fr: 'Un marché possible et un type de client sont nommés.',
        },
      },
      {
        level: 3,
        text: {
          en: 'Market size and competitors are estimated from desk research.',
          fr: 'La taille du marché et les concurrents sont estimés par une étude documentaire.',
        },
      },
      {
        level: 4,
        text: {
          en: 'A value proposition and a business model (licence, start-up, partnership) are written down.',
          fr: 'Une proposition de valeur et un modèle économique (licence, start-up, partenariat) sont formalisés par écrit.',
        },
      },
      {
        level: 5,
        text: {
          en: 'Potential partners, customers or investors have been met and their feedback is recorded.',
          fr: 'Des partenaires, clients ou investisseurs potentiels ont été rencontrés et leurs retours sont consignés.',
        },
      },
      {
        level: 6,
        text: {
          en: 'A business plan with a pricing or reimbursement hypothesis has been tested with payers or partners.',
          fr: 'Un plan d’affaires avec une hypothèse de prix ou de remboursement a été confronté à des payeurs ou des partenaires.',
        },
      },
      {
        level: 7,
        text: {
          en: 'A partnership, a licence term sheet or a first commercial agreement is signed.',
          fr: 'Un partenariat, une lettre d’intention de licence ou un premier accord commercial est signé.',
        },
      },
      {
        level: 8,
        text: {
          en: 'The market access dossier is filed and the commercial launch is being prepared.',
          fr: 'Le dossier d’accès au marché est déposé et le lancement commercial est en préparation.',
        },
      },
      {
        level: 9,
        text: {
          en: 'The product generates revenue or royalties and the business is sustainable.',
          fr: 'Le produit génère du chiffre d’affaires ou des redevances et l’activité est pérenne.',
        },
      },
    ],
  },
  {
    id: 'ip',
    name: { en: 'Intellectual property', fr: 'Propriété intellectuelle' },
    description: {
      en: 'How well the invention is protected, who owns it, and whether it can be used without infringing the rights of others.',
      fr:
        'Dans quelle mesure l’invention est protégée, à qui elle appartient, et si elle peut être exploitée sans enfreindre les droits ' +
        'de tiers.',
    },
    levels: [
      {
        level: 1,
        text: {
          en: 'No search of prior art yet; the invention is not described in writing.',
          fr: 'Aucune recherche d’antériorité encore ; l’invention n’est pas décrite par écrit.',
        },
      },
      {
        level: 2,
        text: {
          en: 'The invention is described in a dated disclosure sent to the technology transfer office.',
          fr: 'L’invention est décrite dans une déclaration datée transmise au service de valorisation.',
        },
      },
      {
        level: 3,
        text: {
          en: 'A prior-art search is done and the inventors and owning institutions are identified.',
          fr: 'Une recherche d’antériorité est faite et les inventeurs et établissements propriétaires sont identifiés.',
        },
      },
      {
        level: 4,
        text: {
          en: 'A priority patent application is filed, or another protection strategy (know-how, copyright) is decided.',
          fr:
            'Une demande de brevet prioritaire est déposée, ou une autre stratégie de protection (savoir-faire, droit d’auteur) est ' +
            'arrêtée.',
        },
      },
      {
        level: 5,
        text: {
          en: 'A first freedom-to-operate analysis finds no blocking third-party rights, or a plan exists to deal with them.',
          fr: 'Une première analyse de liberté d’exploitation ne relève aucun droit de tiers bloquant, ou un plan existe pour y remédier.',
        },
      },
      {
        level: 6,
        text: {
          en: 'An international (PCT) application is filed and co-ownership between institutions is settled by agreement.',
          fr: 'Une demande internationale (PCT) est déposée et la copropriété entre établissements est réglée par un accord.',
        },
      },
      {
        level: 7,
        text: {
          en: 'National phases are entered in key markets and a licence or assignment to the developing company is signed.',
          fr:
            'Les phases nationales sont engagées dans les marchés clés et une licence ou une cession à la société qui développe est ' +
            'signée.',
        },
      },
      {
        level: 8,
        text: {
          en: 'Key patents are granted in the main markets and a full freedom-to-operate opinion is issued.',
          fr: 'Les brevets clés sont délivrés dans les principaux marchés et un avis complet de liberté d’exploitation est rendu.',
        },
      },
      {
        level: 9,
        text: {
          en: 'The portfolio is maintained, defended and extended (new patents, data exclusivity, supplementary protection).',
          fr: 'Le portefeuille est maintenu, défendu et étendu (nouveaux brevets, exclusivité des données, protection complémentaire).',
        },
      },
    ],
  },
  {
    id: 'team',
    name: { en: 'Team', fr: 'Équipe' },
    description: {
      en: 'Whether the people driving the project have the skills, time and governance to take it to the next stage.',
      fr: 'Si les personnes qui portent le projet ont les compétences, le temps et la gouvernance pour le mener à l’étape suivante.',
    },
    levels: [
      {
        level: 1,
        text: {
          en: 'A single researcher carries the idea, part-time.',
          fr: 'Un chercheur seul porte l’idée, à temps partiel.',
        },
      },
      {
        level: 2,
        text: {
          en: 'A small academic team works on the project without dedicated project management.',
          fr: 'Une petite équipe académique travaille sur le projet sans gestion de projet dédiée.',
        },
      },
      {
        level: 3,
        text: {
          en: 'A project lead is named and the skills missing for development are listed.',
          fr: 'Un responsable de projet est désigné et les compétences manquantes pour le développement sont listées.',
        },
      },
      {
        level: 4,
        text: {
          en: 'The team includes, or is advised by, people with product development experience in the field.',
          fr: 'L’équipe compte, ou est conseillée par, des personnes ayant une expérience du développement de produits dans le domaine.',
        },
      },
      {
        level: 5,
        text: {
          en: 'A project manager and experienced advisers (regulatory, business) take part regularly.',
          fr: 'Un chef de projet et des conseillers expérimentés (réglementaire, affaires) participent régulièrement.',
        },
      },
      {
        level: 6,
        text: {
          en: 'A dedicated team or start-up with a full-time leader is in place, overseen by a board or steering committee.',
          fr:
            'Une équipe dédiée ou une start-up avec un dirigeant à plein temps est en place, sous le regard d’un conseil ou d’un ' +
            'comité de pilotage.',
        },
      },
      {
        level: 7,
        text: {
          en: 'Clinical, regulatory, manufacturing and business roles are covered, in-house or through partners.',
          fr: 'Les fonctions clinique, réglementaire, production et commerciale sont couvertes, en interne ou par des partenaires.',
        },
      },
      {
        level: 8,
        text: {
          en: 'The leadership has already taken a product through late-stage development or to market.',
          fr: 'L’équipe dirigeante a déjà mené un produit en développement avancé ou jusqu’au marché.',
        },
      },
      {
        level: 9,
        text: {
          en: 'The organisation runs commercial operations with complete and stable teams.',
          fr: 'L’organisation mène des activités commerciales avec des équipes complètes et stables.',
        },
      },
    ],
  },
  {
    id: 'funding',
    name: { en: 'Funding', fr: 'Financement' },
    description: {
      en: 'Whether the money needed for the current and next stage is secured, and from which sources.',
      fr: 'Si les fonds nécessaires à l’étape en cours et à la suivante sont acquis, et de quelles sources.',
    },
    levels: [
      {
        level: 1,
        text: {
          en: 'No dedicated funding; the work runs on the laboratory’s recurring budget.',
          fr: 'Aucun financement dédié ; les travaux reposent sur le budget récurrent du laboratoire.',
        },
      },
      {
        level: 2,
        text: {
          en: 'A first small grant or internal funding has been applied for.',
          fr: 'Une première petite subvention ou un financement interne a été demandé.',
        },
      },
      {
        level: 3,
        text: {
          en: 'Proof-of-concept funding is obtained (institutional programme, foundation or charity grant).',
          fr:
            'Un financement de preuve de concept est obtenu (programme de l’établissement, subvention d’une fondation ou d’une ' +
            'association).',
        },
      },
      {
        level: 4,
        text: {
          en: 'Maturation funding is secured (technology transfer company, regional or national programme).',
          fr: 'Un financement de maturation est acquis (SATT, programme régional ou national).',
        },
      },
      {
        level: 5,
        text: {
          en: 'The next 12–18 months are funded, through non-dilutive grants or a pre-seed round.',
          fr: 'Les 12 à 18 prochains mois sont financés, par des aides non dilutives ou un tour de pré-amorçage.',
        },
      },
      {
        level: 6,
        text: {
          en: 'A seed round or a major public grant (e.g. Bpifrance, EU programme) funds the end of preclinical work.',
          fr:
            'Une levée d’amorçage ou une aide publique majeure (par exemple Bpifrance, programme européen) finance la fin du préclinique.',
        },
      },
      {
        level: 7,
        text: {
          en: 'A series A round or partner funding covers the early clinical studies.',
          fr: 'Une levée de série A ou un financement de partenaire couvre les premières études cliniques.',
        },
      },
      {
        level: 8,
        text: {
          en: 'Later rounds or a partner fund pivotal development and launch.',
          fr: 'Des levées ultérieures ou un partenaire financent le développement pivot et le lancement.',
        },
      },
      {
        level: 9,
        text: {
          en: 'The product or company finances itself, or is funded by a commercial partner.',
          fr: 'Le produit ou la société s’autofinance, ou est financé par un partenaire commercial.',
        },
      },
    ],
  },
  {
    id: 'regulatory',
    name: { en: 'Regulatory', fr: 'Réglementaire' },
    description: {
      en: 'How well the regulatory path is understood and how far the project has progressed along it.',
      fr: 'Dans quelle mesure le parcours réglementaire est compris et jusqu’où le projet l’a parcouru.',
    },
    levels: [
      {
        level: 1,
        text: {
          en: 'The regulatory status of the product has not been considered.',
          fr: 'Le statut réglementaire du produit n’a pas été envisagé.',
        },
      },
      {
        level: 2,
        text: {
          en: 'The likely product category (medicine, advanced therapy, in vitro diagnostic, medical device) is identified.',
          fr:
            'La catégorie probable du produit (médicament, médicament de thérapie innovante, diagnostic in vitro, dispositif médical) ' +
            'est identifiée.',
        },
      },
      {
        level: 3,
        text: {
          en: 'The applicable regulations and their main requirements are listed (e.g. ATMP rules, EU MDR or IVDR).',
          fr: 'Les réglementations applicables et leurs principales exigences sont listées (par exemple règles MTI, MDR ou IVDR).',
        },
      },
      {
        level: 4,
        text: {
          en: 'A written regulatory strategy states the pathway or risk class and the key studies needed.',
          fr: 'Une stratégie réglementaire écrite précise la voie ou la classe de risque et les études clés nécessaires.',
        },
      },
      {
        level: 5,
        text: {
          en: 'A regulatory expert has reviewed the strategy and a quality system is planned.',
          fr: 'Un expert en réglementaire a relu la stratégie et un système qualité est prévu.',
        },
      },
      {
        level: 6,
        text: {
          en: 'An agency has given scientific advice or pre-submission feedback, and the dossier for first clinical use is filed.',
          fr: 'Une agence a rendu un avis scientifique ou un retour préalable, et le dossier de première utilisation clinique est déposé.',
        },
      },
      {
        level: 7,
        text: {
          en: 'Clinical studies run under authorisation while the registration dossier is built.',
          fr: 'Les études cliniques se déroulent sous autorisation pendant que le dossier d’enregistrement est constitué.',
        },
      },
      {
        level: 8,
        text: {
          en: 'The marketing authorisation or CE marking dossier is submitted.',
          fr: 'Le dossier d’autorisation de mise sur le marché ou de marquage CE est déposé.',
        },
      },
      {
        level: 9,
        text: {
          en: 'Authorisation or CE marking is obtained and post-market obligations are met.',
          fr: 'L’autorisation ou le marquage CE est obtenu et les obligations après commercialisation sont respectées.',
        },
      },
    ],
  },
  {
    id: 'manufacturing',
    name: { en: 'Manufacturing / CMC', fr: 'Production / CMC' },
    description: {
      en: 'Whether the product can be made reliably, at the right quality and scale (chemistry, manufacturing and controls).',
      fr: 'Si le produit peut être fabriqué de façon fiable, avec la qualité et à l’échelle voulues (chimie, fabrication et contrôles).',
    },
    levels: [
      {
        level: 1,
        text: {
          en: 'No thought yet about how the product would be made.',
          fr: 'Aucune réflexion encore sur la façon de fabriquer le produit.',
        },
      },
      {
        level: 2,
        text: {
          en: 'The product is made in research quantities with laboratory methods.',
          fr: 'Le produit est fabriqué en quantités de recherche avec des méthodes de laboratoire.',
        },
      },
      {
        level: 3,
        text: {
          en: 'Critical materials and production steps are identified.',
          fr: 'Les matières critiques et les étapes de production sont identifiées.',
        },
      },
      {
        level: 4,
        text: {
          en: 'A reproducible lab-scale process exists and the first quality attributes are measured.',
          fr: 'Un procédé reproductible à l’échelle du laboratoire existe et les premiers attributs qualité sont mesurés.',
        },
      },
      {
        level: 5,
        text: {
          en: 'The process is scaled or transferred to pilot level and key suppliers are identified.',
          fr: 'Le procédé est transposé ou transféré à l’échelle pilote et les fournisseurs clés sont identifiés.',
        },
      },
      {
        level: 6,
        text: {
          en: 'Clinical material is made under GMP (or ISO 13485 for devices) with qualified release tests.',
          fr:
            'Le matériel clinique est fabriqué selon les BPF (ou l’ISO 13485 pour les dispositifs) avec des essais de libération ' +
            'qualifiés.',
        },
      },
      {
        level: 7,
        text: {
          en: 'The process is consistent across clinical batches and scale-up is planned.',
          fr: 'Le procédé est constant d’un lot clinique à l’autre et la montée en échelle est planifiée.',
        },
      },
      {
        level: 8,
        text: {
          en: 'The commercial process is validated at the commercial manufacturing site.',
          fr: 'Le procédé commercial est validé sur le site de fabrication commercial.',
        },
      },
      {
        level: 9,
        text: {
          en: 'Routine commercial production runs with stable quality and secured supply.',
          fr: 'La production commerciale courante tourne avec une qualité stable et un approvisionnement garanti.',
        },
      },
    ],
  },
  {
    id: 'data_access',
    name: { en: 'Data access', fr: 'Accès aux données' },
    description: {
      en:
        'Whether the project can lawfully and practically use the patient data and samples it needs ' +
        '(hospital agreements, GDPR, health data platforms, ethics).',
      fr:
        'Si le projet peut utiliser légalement et concrètement les données et échantillons de patients dont il a besoin ' +
        '(conventions hospitalières, RGPD, plateformes de données de santé, éthique).',
    },
    levels: [
      {
        level: 1,
        text: {
          en: 'The data or samples needed are not yet identified.',
          fr: 'Les données ou échantillons nécessaires ne sont pas encore identifiés.',
        },
      },
      {
        level: 2,
        text: {
          en: 'The data types, sources and volumes needed are described.',
          fr: 'Les types, sources et volumes de données nécessaires sont décrits.',
        },
      },
      {
        level: 3,
        text: {
          en: 'Data holders (hospitals, biobanks, cohorts) are contacted and the legal basis for use is identified.',
          fr: 'Les détenteurs de données (hôpitaux, biobanques, cohortes) sont contactés et la base légale d’utilisation est identifiée.',
        },
      },
      {
        level: 4,
        text: {
          en: 'An ethics opinion and a GDPR impact assessment (DPIA) are obtained or under way.',
          fr: 'Un avis éthique et une analyse d’impact RGPD (AIPD) sont obtenus ou en cours.',
        },
      },
      {
        level: 5,
        text: {
          en: 'A data-sharing or material-transfer agreement with at least one hospital is signed.',
          fr: 'Une convention de partage de données ou de transfert de matériel avec au moins un hôpital est signée.',
        },
      },
      {
        level: 6,
        text: {
          en:
            'Data flow through compliant infrastructure (certified health data hosting, secure research environment) with full ' +
            'traceability.',
          fr:
            'Les données transitent par une infrastructure conforme (hébergement certifié de données de santé, environnement de ' +
            'recherche sécurisé) ' +
            'avec une traçabilité complète.',
        },
      },
      {
        level: 7,
        text: {
          en: 'Agreements cover several centres or a national platform (e.g. Health Data Hub), allowing independent validation.',
          fr:
            'Les accords couvrent plusieurs centres ou une plateforme nationale (par exemple le Health Data Hub), ce qui permet une ' +
            'validation indépendante.',
        },
      },
      {
        level: 8,
        text: {
          en: 'Data quality, provenance and consent are documented and audited well enough to support regulatory submissions.',
          fr:
            'La qualité, la provenance et le consentement des données sont documentés et audités au niveau requis pour les dossiers ' +
            'réglementaires.',
        },
      },
      {
        level: 9,
        text: {
          en: 'Ongoing access to real-world data supports post-market follow-up and product updates.',
          fr: 'Un accès continu aux données de vie réelle soutient le suivi après commercialisation et les mises à jour du produit.',
        },
      },
    ],
  },
];
