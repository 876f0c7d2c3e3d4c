/**
 * The demo cluster's past: where each project stood when the cluster opened, eighteen months
 * ago, the gate decisions that brought it where it stands today, and a few comment threads.
 * Days are counted from the seeding day (negative: past). history.ts plays it through the
 * services, in time order. Plain data, no logic; fictional, like cluster.data.ts.
 */
import type { GateOutcome } from '../../../shared/schemas/gates.ts';

/** How far back the demo's history reaches: eighteen months. */
export const HISTORY_DAYS = 548;

export interface GateSeed {
  /** the day the manager signs the decision; the lead requests the review a week before */
  day: number;
  outcome: GateOutcome;
  rationale: string;
  /** a Conditional Go's conditions: each becomes a milestone owned by the lead */
  conditions?: { title: string; dueInDays: number }[];
  /** a Hold's review date: the day the parked project is looked at again */
  reviewInDays?: number;
  /** a Recycle's deficiencies to rework within the stage: each becomes a milestone */
  deficiencies?: { title: string; dueInDays: number }[];
  /** the project's mentor is invited to review and recommends this */
  mentor?: { recommendation: GateOutcome; rationale: string };
}

export interface ProjectHistorySeed {
  project: string;
  /** the stage the project was at when the cluster opened */
  startStage: number;
  gates: GateSeed[];
}

export const projectHistories: ProjectHistorySeed[] = [
  {
    project: 'vct-201-cldn18-cart',
    startStage: 1,
    gates: [
      {
        day: -430,
        outcome: 'go',
        rationale:
          'Tumour control in two gastric xenograft models and a humanised binder with no off-target binding on the tissue panel: proof of concept is established.',
        mentor: {
          recommendation: 'go',
          rationale: 'Convincing in vivo data; plan the GMP vector supply early, it will set the pace.',
        },
      },
      {
        day: -190,
        outcome: 'conditional_go',
        rationale:
          'The process runs at full scale in development and the FTO opinion is clean. The vector supply and the medical director are the two open risks: proceed, with conditions.',
        conditions: [
          { title: 'Secure a second GMP vector manufacturing slot', dueInDays: -60 },
          { title: 'Appoint the medical director for the phase I trial', dueInDays: 45 },
        ],
        mentor: {
          recommendation: 'conditional_go',
          rationale: 'Ready for IND-enabling work, but a single vector supplier is a risk to the CTA date.',
        },
      },
    ],
  },
  {
    project: 'vct-310-gpc3-armoured-cart',
    startStage: 0,
    gates: [
      {
        day: -250,
        outcome: 'go',
        rationale:
          'A clear unmet need in second-line hepatocellular carcinoma and a credible armoured design: start the proof of concept.',
      },
    ],
  },
  {
    project: 'vct-105-b7h3-tce',
    startStage: 2,
    gates: [
      {
        day: -470,
        outcome: 'go',
        rationale: 'Lead bispecific selected, developability profile acceptable, GLP toxicology planned.',
      },
      {
        day: -330,
        outcome: 'hold',
        reviewInDays: -240,
        rationale:
          'The 6-month stability data show an aggregation trend. Hold until the reformulated drug product has 3 months of stability.',
        mentor: {
          recommendation: 'hold',
          rationale: 'The aggregation trend needs explaining before a first-in-human dose is justified.',
        },
      },
      {
        day: -250,
        outcome: 'go',
        rationale:
          'The reformulated product is stable at 3 months and the CTA was authorised: start the phase I dose escalation.',
      },
    ],
  },
  {
    project: 'cldn18-companion-dx',
    startStage: 1,
    gates: [
      {
        day: -300,
        outcome: 'recycle',
        rationale:
          'The staining protocol does not yet reproduce between the two pathology sites (kappa 0.58). Rework the protocol and come back with an inter-site study.',
        deficiencies: [
          { title: 'Harmonise antigen retrieval and antibody dilution across both pathology sites', dueInDays: -240 },
          { title: 'Inter-site reproducibility study on 60 gastric resections (target kappa ≥ 0.8)', dueInDays: -170 },
        ],
      },
      {
        day: -150,
        outcome: 'go',
        rationale: 'The revised protocol reproduces across sites (kappa 0.86): move to analytical validation.',
      },
    ],
  },
  {
    project: 'circulyte-mrd-crc',
    startStage: 2,
    gates: [
      {
        day: -480,
        outcome: 'go',
        rationale: 'Tumour-informed panel designed and the pipeline locked on the retrospective cohort.',
      },
      {
        day: -270,
        outcome: 'conditional_go',
        rationale:
          'Analytical performance meets the targets; the laboratory accreditation is the condition for using the test in the prospective study.',
        conditions: [{ title: 'Obtain ISO 15189 accreditation for the ctDNA assay', dueInDays: -14 }],
      },
    ],
  },
  {
    project: 'histomira-hrd-pathology',
    startStage: 1,
    gates: [
      {
        day: -420,
        outcome: 'go',
        rationale: 'The model predicts HRD status from slides with an AUC of 0.87 on the training cohort.',
      },
      {
        day: -120,
        outcome: 'go',
        rationale: 'Model v2 holds its performance on a held-out hospital; start the external validation.',
      },
    ],
  },
  {
    project: 'dosivane-adaptive-rt',
    startStage: 3,
    gates: [
      {
        day: -500,
        outcome: 'go',
        rationale: 'Design verification complete and the clinical investigation approved by the ethics committee.',
      },
      {
        day: -160,
        outcome: 'go',
        rationale: 'The multicentre evaluation met its primary end point and the CE mark was granted.',
      },
    ],
  },
  {
    project: 'kidovar-dmg',
    startStage: 1,
    gates: [
      {
        day: -200,
        outcome: 'go',
        rationale: 'Brain-penetrant leads with activity on patient-derived DMG lines: start lead optimisation.',
      },
    ],
  },
  { project: 'lymfora-cd70-allo-cart', startStage: 0, gates: [] },
  {
    project: 'nanquelle-kras-lnp',
    startStage: 0,
    gates: [
      {
        day: -360,
        outcome: 'go',
        rationale: 'KRAS G12D is a validated driver and the siRNA approach has a clear path: start the proof of concept.',
      },
    ],
  },
  {
    project: 'biscalis-fap-il2',
    startStage: 2,
    gates: [
      {
        day: -380,
        outcome: 'hold',
        reviewInDays: -260,
        rationale:
          'The protease-activation data are promising, but the stable cell line is not yet chosen. Hold until the research cell bank exists.',
      },
      {
        day: -230,
        outcome: 'go',
        rationale: 'Research cell bank made and the masked IL-2 activity confirmed in fresh tumour samples.',
      },
    ],
  },
];

export interface CommentSeed {
  project: string;
  milestone: string;
  day: number;
  by: string;
  body: string;
  /** people keys named with @ in the body */
  mentions?: string[];
  replies?: { day: number; by: string; body: string; mentions?: string[] }[];
}

export const commentSeeds: CommentSeed[] = [
  {
    project: 'vct-201-cldn18-cart',
    milestone: 'glp-tox',
    day: -75,
    by: 'researcher',
    body: 'Histopathology read-out is in: no off-tumour findings in the stomach lining. @Claire Dubois the report goes into the CTA module 4.',
    mentions: ['lead'],
    replies: [
      { day: -74, by: 'lead', body: 'Great news. I will circulate it to the clinical site this week.' },
      {
        day: -70,
        by: 'mentor',
        body: 'Keep the raw tables at hand: the assessors asked for them on the last CAR-T file I saw.',
      },
    ],
  },
  {
    project: 'vct-201-cldn18-cart',
    milestone: 'vector-gmp',
    day: -20,
    by: 'lead',
    body: 'The vector batch failed its sterility re-test. @Karim Benali can you ask the supplier for the new release date?',
    mentions: ['researcher'],
    replies: [{ day: -18, by: 'researcher', body: 'Asked: they propose a new fill in five weeks.' }],
  },
  {
    project: 'vct-105-b7h3-tce',
    milestone: 'step-up-amendment',
    day: -12,
    by: 'mentor',
    body: 'The step-up dosing amendment should cite the cytokine data of cohort 2. @Claire Dubois shall I review the draft?',
    mentions: ['lead'],
    replies: [{ day: -11, by: 'lead', body: 'Yes please, the draft is in the shared folder.' }],
  },
  {
    project: 'vct-310-gpc3-armoured-cart',
    milestone: 'binder-selection',
    day: -50,
    by: 'researcher',
    body: 'Clone G7 wins on affinity and on killing; G12 binds soluble GPC3 too much.',
    replies: [{ day: -47, by: 'lead', body: 'Agreed, G7 it is.' }],
  },
  {
    project: 'cldn18-companion-dx',
    milestone: 'cohort-data-agreement',
    day: -9,
    by: 'lead',
    body: 'The data-use agreement waits for the hospital’s legal team. @Karim Benali please chase the DPO.',
    mentions: ['researcher'],
  },
  {
    project: 'circulyte-mrd-crc',
    milestone: 'lab-accreditation',
    day: -16,
    by: 'p-nadia',
    body: 'The assessor’s visit moved by three weeks. @Julien Moreau we miss the condition’s date.',
    mentions: ['p-julien'],
    replies: [{ day: -15, by: 'p-julien', body: 'I will tell the programme office before the review.' }],
  },
  {
    project: 'dosivane-adaptive-rt',
    milestone: 'cybersecurity-audit',
    day: -25,
    by: 'p-marc',
    body: 'The penetration test found two issues in the TPS connector; fixes are in test.',
  },
];

/** A project's level on its track, recorded by its lead on that day with the evidence for it. */
export interface LevelSeed {
  project: string;
  changes: { day: number; level: number; evidence: string }[];
}

export const levelSeeds: LevelSeed[] = [
  {
    project: 'vct-201-cldn18-cart',
    changes: [
      {
        day: -500,
        level: 3,
        evidence: 'Cytotoxicité in vitro sur lignées gastriques CLDN18.2+, rapport d’étude VCT-201-R04.',
      },
      {
        day: -425,
        level: 4,
        evidence: 'Tumour control in two gastric xenograft models (n = 10 each), study report VCT-201-R09.',
      },
      {
        day: -120,
        level: 5,
        evidence: 'Full-scale development runs at the cell-therapy platform: three lots within specification.',
      },
    ],
  },
  {
    project: 'vct-105-b7h3-tce',
    changes: [
      { day: -400, level: 5, evidence: 'GLP toxicology in cynomolgus monkeys completed, no dose-limiting finding.' },
      { day: -150, level: 6, evidence: 'Phase I first patient dosed at Gustave Roussy (CTA approved by the ANSM).' },
    ],
  },
  {
    project: 'circulyte-mrd-crc',
    changes: [
      { day: -300, level: 5, evidence: 'Limite de détection 0,01 % VAF confirmée sur 120 échantillons de plasma.' },
      {
        day: -60,
        level: 6,
        evidence: 'Étude de performance clinique multicentrique (AP-HP, Institut Curie) : 312 patients inclus.',
      },
    ],
  },
  {
    project: 'histomira-hrd-pathology',
    changes: [
      { day: -210, level: 4, evidence: 'Algorithm trained on 2,400 whole-slide images; AUC 0.91 on the internal test set.' },
    ],
  },
  {
    project: 'vct-310-gpc3-armoured-cart',
    changes: [{ day: -240, level: 2, evidence: 'Armoured construct designed; binder panel against GPC3 ordered.' }],
  },
  {
    project: 'biscalis-fap-il2',
    changes: [
      { day: -330, level: 4, evidence: 'Activité anti-tumorale in vivo en modèle syngénique MC38, rapport BIS-PK-07.' },
    ],
  },
];
