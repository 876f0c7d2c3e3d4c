/**
 * English strings of gate committees, Hold and Recycle, and the conditions followed to the
 * next gate (`t().committee`). `committee.fr.ts` has the same shape.
 */
export const committeeEn = {
  title: 'Committee',
  none: 'No committee was set for this review: a cluster manager decides and signs.',
  chair: 'chair',
  manager: 'cluster manager',
  external: 'member',
  excluded: (orgs: string) => `excluded: conflict of interest with ${orgs}`,
  signed: (when: string) => `signed ${when}`,
  quorum: (counted: number, needed: number) =>
    `Quorum: ${counted} of ${needed} recommendations from members not excluded`,
  quorumMet: 'Quorum reached',
  quorumMissing: 'Quorum not reached: the decision cannot be recorded yet',
  deadline: (when: string) => `Deadline: ${when}`,
  deadlinePassed: (when: string) => `Deadline passed: ${when}`,
  signingChair: 'The chair signs the decision.',
  signingAll: 'Every member not excluded signs the decision; until then it has no effect.',
  pending: (outcome: string, by: string) => `${outcome}, stated by ${by}: awaiting signatures`,
  awaiting: (names: string) => `Still to sign: ${names}`,
  cosigned: 'Signed by every member',
  reviewDate: 'Review date',
  reviewDateHint:
    'A Hold parks the project: no work is expected until the committee looks at it again on this date.',
  reviewDateNeeded: 'A Hold names the date the project is looked at again.',
  onHoldUntil: (date: string) => `On hold until ${date}`,
  deficiencies: 'Deficiencies to rework',
  deficienciesHint:
    'A Recycle sends the project back to rework within the stage: each deficiency becomes a milestone.',
  deficienciesNeeded: 'A Recycle names at least one deficiency to rework.',
  milestonesTitle: 'Milestones of this decision',
  previousTitle: 'Conditions of the previous decision',
  previousNone: 'The previous decision set no conditions.',
  explanation: 'Why the gate is requested while conditions are open',
  explanationLabel: 'Explanation (recorded in the review)',
  explanationNeeded:
    'Some conditions of the previous decision are still open: explain why the gate is requested now.',
  status: {
    planned: 'planned',
    in_progress: 'in progress',
    at_risk: 'at risk',
    blocked: 'blocked',
    done: 'done',
    removed: 'removed from the plan',
  },
};
