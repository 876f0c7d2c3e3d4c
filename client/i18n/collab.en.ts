/**
 * English strings of the collaboration features: comments on milestones, search, and the
 * portfolio's maturation columns, views and overview charts. Spread into `en` (en.ts), so the
 * `Messages` type covers them and `collab.fr.ts` must match this shape key for key.
 */
import { plural } from './plural.ts';

export const collabEn = {
  comments: {
    title: 'Comments',
    count: (n: number, formatted: string) =>
      plural('en', n, { one: `${formatted} comment`, other: `${formatted} comments` }),
    loading: 'Loading comments…',
    emptyTitle: 'No comments yet',
    emptyBody: 'Ask a question, flag a risk, or mention a teammate with @ to bring them in.',
    emptyObserverBody: 'The team has not shared a comment with partners on this milestone yet.',
    errorTitle: 'Comments could not be loaded',
    errorBody: (message: string) => `${message} Nothing was changed.`,
    observerNote: 'You see the comments the team shares with partners. As an observer, you cannot comment.',
    newThread: 'New comment',
    composerLabel: 'Your comment',
    placeholder: 'Write a comment. Type @ to mention someone.',
    replyLabel: (author: string) => `Reply to ${author}`,
    replyPlaceholder: 'Reply…',
    send: 'Comment',
    sendReply: 'Reply',
    sending: 'Sending…',
    cancel: 'Cancel',
    sendShortcut: (keys: string) => `${keys} to send`,
    emptyBodyError: 'Write something before sending.',
    tooLong: (max: string) => `A comment can be at most ${max} characters.`,
    postFailed: (message: string) => `Your comment was not sent: ${message} Your text is kept.`,
    resolveFailed: (message: string) => `The thread could not be updated: ${message}`,
    visibility: {
      legend: 'Who can read it',
      team: 'Team',
      partners: 'Partners too',
      teamHelp: 'Members and mentors only. Never shown to observers such as industrial partners.',
      partnersHelp: 'Also shown to the project’s observers: industrial partners, investors, funders.',
    },
    badge: {
      team: 'Team only',
      partners: 'Shared with partners',
    },
    replyKeepsVisibility: 'Replies keep the thread’s visibility.',
    reply: 'Reply',
    resolve: 'Resolve',
    reopen: 'Reopen',
    resolvedBy: (name: string, when: string) => `Resolved by ${name} ${when}`,
    replies: (n: number, formatted: string) =>
      plural('en', n, { one: `${formatted} reply`, other: `${formatted} replies` }),
    threadLabel: (author: string) => `Thread started by ${author}`,
    liveNew: (author: string) => `New comment from ${author}`,
    mentions: {
      listLabel: 'Project members to mention',
      noMatch: 'No project member by that name',
      hint: 'Up and down arrows to choose, Enter to insert, Escape to close.',
    },
  },
  search: {
    label: 'Search projects and milestones',
    placeholder: 'Search projects and milestones…',
    shortcut: (keys: string) => `Press ${keys} to search projects and milestones`,
    resultsLabel: 'Search results',
    searching: 'Searching…',
    results: (n: number, formatted: string) =>
      plural('en', n, { one: `${formatted} result`, other: `${formatted} results` }),
    tooShort: 'Type at least two letters.',
    noResults: (query: string) => `Nothing you can see matches “${query}”. Try fewer or shorter words.`,
    error: (message: string) => `The search failed. ${message}`,
    retry: 'Try again',
    kinds: {
      project: 'Project',
      milestone: 'Milestone',
    },
    inProject: (title: string) => `in ${title}`,
    hint: 'Up and down arrows to move, Enter to open, Escape to close.',
  },
  portfolioExtra: {
    view: {
      label: 'Display',
      table: 'Table',
      cards: 'Cards',
    },
    columns: {
      readiness: 'Readiness',
      health: 'Milestones',
    },
    kind: {
      label: 'Lead organisation kind',
      all: 'All organisation kinds',
    },
    updated: (when: string) => `Updated ${when}`,
    nextGatePrefix: 'Next gate:',
    readiness: {
      summary: (average: string) => `Readiness radar, average level ${average} of 9`,
      level: (dimension: string, level: string) => `${dimension}: ${level}`,
      notScored: 'Readiness not scored yet',
      lowest: (dimension: string, level: string) => `Lowest: ${dimension} (${level})`,
    },
    health: {
      overdue: (_n: number, formatted: string) => `${formatted} overdue`,
      atRisk: (_n: number, formatted: string) => `${formatted} at risk`,
      blocked: (_n: number, formatted: string) => `${formatted} blocked`,
      doneThisMonth: (_n: number, formatted: string) => `${formatted} done this month`,
      progress: (done: string, total: string) => `${done}/${total} done`,
      none: 'No milestones yet',
      onTrack: 'On track',
    },
    overview: {
      title: 'Portfolio overview',
      show: 'Show the portfolio overview',
      hide: 'Hide the portfolio overview',
      showShort: 'Show',
      hideShort: 'Hide',
      funnelTitle: 'Projects by stage',
      funnelHelp: 'The whole portfolio, from intake to late stage. Select a stage to filter the list.',
      kindTitle: 'Projects by lead organisation kind',
      kindHelp: 'Select a kind to filter the list.',
      projects: (n: number, formatted: string) =>
        plural('en', n, { one: `${formatted} project`, other: `${formatted} projects` }),
      barLabel: (what: string, count: string) => `${what}: ${count}`,
    },
    stale: 'The latest refresh failed: you are seeing the list as it was last loaded.',
  },
};
