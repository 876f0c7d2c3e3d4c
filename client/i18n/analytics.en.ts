/** The programme office's portfolio analytics (`t().analytics`). */
import { plural } from './plural.ts';

export const analyticsEn = {
  nav: 'Analytics',
  pageTitle: 'Portfolio analytics',
  title: 'Portfolio analytics',
  intro:
    'For the programme office and its committees: how long projects stay in each stage, what the gates decided, which milestones slip, and how readiness moves across the portfolio. From the audit trail and the projects’ rows, as of now.',
  loading: 'Loading the analytics…',
  loadError: 'The analytics could not be loaded.',
  forbiddenTitle: 'For the programme office',
  forbiddenBody: 'Only cluster managers read the portfolio analytics.',
  print: 'Print',
  track: 'Track',
  allTracks: 'All tracks',
  asOf: (date: string, projects: string) => `As of ${date}, over ${projects}.`,
  projects: (n: number, formatted: string) =>
    plural('en', n, { one: `${formatted} project`, other: `${formatted} projects` }),
  emptyTitle: 'No project yet',
  emptyBody: 'The figures appear once projects are under way.',
  stages: {
    title: 'Time in each stage',
    help: 'Median days a project stayed in a stage before its next gate or its closing, by track; in brackets, how many stays ended. Below, the projects in the stage now and their median days so far.',
    stage: 'Stage',
    ended: (days: string, n: string) => `${days} d (${n})`,
    none: '—',
    current: (n: string, days: string) => `now ${n}, ${days} d`,
    currentNone: 'none now',
    caption: (track: string) => `Time in each stage, ${track}`,
  },
  outcomes: {
    title: 'Gate outcomes',
    help: 'Signed gate decisions by quarter. The rates are over all decisions.',
    quarter: 'Quarter',
    total: 'Total',
    rate: (outcome: string, percent: string) => `${outcome}: ${percent}`,
    none: 'No gate has been decided yet.',
    summary: (n: number, formatted: string) =>
      plural('en', n, { one: `${formatted} decision`, other: `${formatted} decisions` }),
  },
  milestones: {
    title: 'Milestones slipping',
    help: 'Milestones with a due date, planned against actual: done by the due day, done after it, open past it, not due yet. By month of the due date, from 18 months ago to 6 months ahead.',
    onTime: 'Done on time',
    late: 'Done late',
    overdue: 'Overdue',
    upcoming: 'Not due yet',
    medianSlip: (days: string) => `Median delay of the late and overdue ones: ${days} days.`,
    noSlip: 'No milestone has slipped.',
    month: 'Month due',
    worstTitle: 'The milestones that slipped most',
    project: 'Project',
    milestone: 'Milestone',
    due: 'Due',
    state: 'Done on',
    stillOpen: 'still open',
    delay: 'Delay',
    days: (n: number, formatted: string) =>
      plural('en', n, { one: `${formatted} day`, other: `${formatted} days` }),
    none: 'No milestone has a due date yet.',
  },
  readiness: {
    title: 'Readiness across the portfolio',
    help: 'Each dimension’s mean level (1–9) at each month’s end, over the active projects scored then.',
    yLabel: 'Mean level',
    summary: (months: string, from: string) =>
      `The mean readiness of each dimension over ${months} months since ${from}.`,
    none: 'No readiness has been scored yet.',
  },
};
