/**
 * English strings of the readiness thresholds of a gate and of a project's level on its track
 * (`t().maturity`). `maturity.fr.ts` has the same shape. Numbers arrive already formatted.
 */
export const maturityEn = {
  thresholdsTitle: 'Readiness expected before this gate',
  thresholdsIntro: 'The framework sets the level each of these dimensions should reach before the review.',
  thresholdsNone: 'The framework sets no readiness threshold for this gate.',
  thresholdLine: (dimension: string, current: string, required: string) =>
    `${dimension}: ${current} of ${required} required`,
  notScored: 'not scored',
  met: 'Met',
  notMet: 'Not met',
  unmetWarning: (n: number, count: string) =>
    n === 1
      ? `${count} threshold is not met. You may still request the review: the committee will see this warning in its record.`
      : `${count} thresholds are not met. You may still request the review: the committee will see this warning in its record.`,
  warningsTitle: 'Readiness thresholds not met when the review was requested',
  toReadiness: 'Open the readiness scores',
  levelTitle: 'Level on the track',
  levelIntro:
    'How mature the technology is, on the track’s levels: distinct from the stage, which says where the project stands in the gate process.',
  levelNone: 'No level recorded yet.',
  levelBadge: (level: string) => `Level ${level}`,
  levelSetBy: (who: string, when: string) => `Recorded by ${who} on ${when}`,
  levelEvidence: 'Evidence: ',
  levelChange: 'Change the level',
  levelLabel: 'Level',
  levelChoose: 'Choose a level…',
  evidenceLabel: 'Evidence for this level',
  evidenceHint:
    'What shows the project has reached it: a study report, a result, a decision (1,000 characters at most).',
  save: 'Record the level',
  saving: 'Recording…',
  saved: 'The level is recorded.',
  cancel: 'Cancel',
  historyTitle: 'Level over time',
  historyNone: 'The level has not changed yet.',
  historyLine: (from: string, to: string) => `${from} → ${to}`,
  column: 'Level',
  unrecorded: '—',
  filterLabel: 'Level',
  filterAll: 'All levels',
};
