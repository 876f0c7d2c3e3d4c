/**
 * English strings of the project room (`t().room`). `room.fr.ts` has the same shape. Numbers
 * and dates arrive already formatted through Intl.
 */
import { plural } from './plural.ts';

export const roomEn = {
  tabs: {
    label: 'Project sections',
    milestones: 'Milestones',
    readiness: 'Readiness',
    criteria: 'Gate criteria',
    about: 'About',
  },
  header: {
    leadOrganisation: 'Lead organisation',
    partners: 'Partner organisations',
    track: 'Track',
    yourRole: 'Your role',
    noPartners: 'None',
    nextGate: 'Next gate',
    gateProgress: (_met: number, done: string, total: string) => `${done} of ${total} must-meet criteria met`,
  },
  save: {
    saved: 'Saved',
    saving: 'Saving…',
    offline: (n: number, formatted: string) =>
      n === 0
        ? 'Offline — edits are kept on this device'
        : plural('en', n, {
            one: `Offline — ${formatted} change waiting`,
            other: `Offline — ${formatted} changes waiting`,
          }),
    connecting: 'Connecting…',
    live: 'Following live',
    revoked: 'Access removed',
    refused: 'Not connected',
    label: 'Save state',
  },
  presence: {
    label: 'Here now',
    you: (name: string) => `${name} (you)`,
    editing: (name: string, title: string) => `${name} — editing “${title}”`,
    here: (name: string) => `${name} — here now`,
    more: (n: string) => `+${n}`,
    editingCard: (names: string) => `Open by ${names}`,
  },
  /** a tab whose code loads when it first opens */
  section: {
    loading: 'Loading this section…',
    failed: 'This section could not be loaded.',
  },
  access: {
    view: 'You are observing this project: you can follow it live but not edit it.',
    comment:
      'You are a mentor on this project: you can follow it live and comment on milestones, but not edit them.',
    manager:
      'You are viewing this project as the cluster programme office: you can follow it live but not edit it.',
    revoked:
      'Your access to this project was removed. What you see is no longer updated; nothing more can be changed here.',
    refused: (message: string) =>
      `The live content of this project could not be opened: ${message} Reload the page to try again.`,
    rejected: (message: string) =>
      `A change was refused by the server and is not saved: ${message} Reload the page to see the saved version.`,
    writeError: (message: string) => `This change could not be made: ${message}`,
    dismiss: 'Dismiss',
    loading: 'Opening the live project…',
    neverOpenedOffline:
      'This project has not been opened on this device before. Its content will appear when the connection returns.',
  },
  statuses: {
    planned: 'Planned',
    in_progress: 'In progress',
    at_risk: 'At risk',
    blocked: 'Blocked',
    done: 'Done',
  },
  milestones: {
    title: 'Milestones',
    views: 'View',
    board: 'Board',
    timeline: 'Timeline',
    new: 'New milestone',
    newShortcut: 'Press C to add a milestone',
    newTitle: 'Milestone title',
    newPlaceholder: 'What needs to happen?',
    create: 'Add',
    cancel: 'Cancel',
    undo: 'Undo',
    redo: 'Redo',
    undoHint: 'Undo your last change (Ctrl+Z)',
    redoHint: 'Redo (Ctrl+Shift+Z)',
    emptyTitle: 'No milestones yet',
    emptyBody:
      'Milestones are the steps towards the next gate. Add the first one, then give it an owner and a due date; your team sees it at once.',
    emptyReadOnlyBody: 'The team has not added milestones yet. They will appear here as soon as they do.',
    columnEmpty: 'Nothing here',
    columnEmptyDrop: 'Drop a milestone here',
    overdue: 'Overdue',
    overdueBy: (days: string) => `Overdue by ${days} d`,
    dueOn: (date: string) => `Due ${date}`,
    noDue: 'No due date',
    dependencies: (n: number, formatted: string) =>
      plural('en', n, {
        one: `Depends on ${formatted} milestone`,
        other: `Depends on ${formatted} milestones`,
      }),
    waitingOn: (n: number, formatted: string) =>
      plural('en', n, {
        one: `Waiting on ${formatted} unfinished milestone`,
        other: `Waiting on ${formatted} unfinished milestones`,
      }),
    ownedBy: (name: string) => `Owner: ${name}`,
    moveTo: 'Move to…',
    moveToLabel: (title: string) => `Move “${title}” to…`,
    status: 'Status',
    moveUp: 'Move up',
    moveDown: 'Move down',
    openDetails: 'Open details',
    delete: 'Delete',
    menuFailed: 'The menu could not be loaded. Check your connection and try again.',
    deleted: (title: string) => `“${title}” deleted.`,
    moved: (title: string, status: string) => `“${title}” moved to ${status}.`,
    dragHint: 'Drag cards between columns, or use each card’s “Move to…” menu.',
  },
  timeline: {
    label: 'Milestones by due date',
    today: 'Today',
    undated: 'No due date',
    undatedHint: 'Give these a due date to place them on the timeline.',
  },
  detail: {
    label: (title: string) => `Milestone: ${title}`,
    close: 'Close',
    closeHint: 'Close (Esc)',
    title: 'Title',
    titleRequired: 'A milestone needs a title.',
    description: 'Description',
    descriptionEmpty: 'No description.',
    descriptionPlaceholder: 'Context, acceptance criteria, links…',
    editorLoading: 'Loading the editor…',
    editorFailed: 'The editor could not be loaded. Reload the page to try again.',
    bold: 'Bold',
    italic: 'Italic',
    owner: 'Owner',
    noOwner: 'No owner',
    due: 'Due date',
    stage: 'Stage',
    dimension: 'Readiness dimension',
    noDimension: 'None',
    dependencies: 'Depends on',
    noDependencies: 'No dependencies.',
    addDependency: 'Add a dependency',
    chooseDependency: 'Choose a milestone…',
    removeDependency: (title: string) => `Remove the dependency on “${title}”`,
    created: (name: string, date: string) => `Created by ${name}, ${date}`,
    updated: (name: string, date: string) => `Last changed by ${name}, ${date}`,
    someone: 'someone',
    notFound: 'This milestone was deleted.',
    comments: 'Comments',
    commentsUnavailable:
      'The comments could not be loaded. Check your connection, then open this milestone again.',
    alsoHere: (names: string) => `Also open by ${names}`,
  },
  readiness: {
    title: 'Readiness',
    intro:
      'Nine dimensions, each scored from 1 (an idea) to 9 (proven in practice), with the evidence behind the score.',
    chartTitle: 'Readiness profile',
    chartNow: 'Now',
    chartGate: (gate: string, date: string) => `At ${gate} (${date})`,
    chartNoGate:
      'No gate review has recorded levels for this project yet, so the chart shows the current levels only.',
    chartSummary: (list: string) => `Readiness levels now: ${list}.`,
    level: 'Level',
    levelOf: (level: string) => `Level ${level}`,
    levelValue: (level: string) => `${level} / 9`,
    notScored: 'Not scored yet',
    notScoredHint: 'Pick a level to score this dimension.',
    evidence: 'Evidence',
    evidencePlaceholder: 'Studies, reports, agreements that support this level…',
    evidenceNeedsLevel: 'Score this dimension first, then add its evidence.',
    noEvidence: 'No evidence recorded.',
    updated: (name: string, date: string) => `Updated by ${name}, ${date}`,
  },
  criteria: {
    intro: (gate: string) =>
      `What ${gate} requires. The team checks each must-meet criterion with its evidence.`,
    must: 'Must-meet',
    should: 'Should-meet',
    shouldHint: 'Scored from 1 to 5 by the reviewers at the gate review.',
    progress: (_met: number, done: string, total: string) => `${done} of ${total} met`,
    evidence: 'Evidence',
    evidenceFor: (criterion: string) => `Evidence for: ${criterion}`,
    evidencePlaceholder: 'Link or reference to the report…',
    checked: (name: string, date: string) => `Checked by ${name}, ${date}`,
    met: 'Met',
    notMet: 'Not met',
    noGate: 'This track defines no gate for the current stage.',
    unavailable: 'The gate criteria could not be loaded. Reload the page to try again.',
  },
  about: {
    summary: 'Summary',
    noSummary: 'No summary yet.',
    details: 'Details',
  },
};
