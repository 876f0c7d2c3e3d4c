/**
 * English strings: the reference dictionary. `fr.ts` must have exactly the same shape (see
 * `Messages` in messages.ts), so a key missing in either language is a type error. Messages that
 * take values are functions; numbers and dates arrive already formatted through Intl.
 */

import { accountEn } from './account.en.ts';
import { accountPageEn } from './account-page.en.ts';
import { activityEn } from './activity.en.ts';
import { adminEn } from './admin.en.ts';
import { adminOrganisationsEn } from './admin-organisations.en.ts';
import { adminSsoEn } from './admin-sso.en.ts';
import { analyticsEn } from './analytics.en.ts';
import { collabEn } from './collab.en.ts';
import { committeeEn } from './committee.en.ts';
import { directoryEn } from './directory.en.ts';
import { evidenceEn } from './evidence.en.ts';
import { frameworksAdminEn } from './frameworks-admin.en.ts';
import { gatesEn } from './gates.en.ts';
import { historyEn } from './history.en.ts';
import { maturityEn } from './maturity.en.ts';
import { membersEn } from './members.en.ts';
import { notificationsEn } from './notifications.en.ts';
import { plural } from './plural.ts';
import { projectSettingsEn } from './project-settings.en.ts';
import { auditCheckEn, reportEn } from './report.en.ts';
import { roomEn } from './room.en.ts';
import { servicesEn } from './services.en.ts';
import { twoFactorEn } from './two-factor.en.ts';
import { websiteEn } from './website.en.ts';

export const en = {
  ...collabEn,
  meta: { languageName: 'English' },
  app: {
    name: 'Jalon',
    skipToContent: 'Skip to content',
    loading: 'Loading Jalon…',
    unreachableTitle: 'Jalon cannot be reached',
    unreachableBody: 'Check your connection, then try again. Nothing you saved is lost.',
    retry: 'Try again',
  },
  language: {
    label: 'Language',
    saveFailed: 'Your language could not be saved on your account; it is kept on this device.',
  },
  offline: {
    banner:
      'You are offline. What you see may be out of date; Jalon will refresh when the connection returns.',
  },
  header: {
    signOut: 'Sign out',
    signingOut: 'Signing out…',
    portfolio: 'Portfolio',
    mainNav: 'Main',
    menu: 'Menu',
    queue: 'Queue',
  },
  signIn: {
    ssoSignsYouIn: (organisation: string) => `${organisation} signs you in.`,
    ssoGo: 'Continue to your organisation’s sign-in',
    ssoNoPassword: 'You sign in with your usual account there: no Jalon password to choose.',
    ssoLeaving: 'Taking you to your organisation’s sign-in…',
    ssoRequired: 'Your organisation signs you in: continue with its sign-in instead of a password.',
    checking: 'Checking your address…',
    ssoErrors: {
      notCovered:
        'Your organisation’s sign-in vouched for an address outside its domains. Sign in with your own organisation’s address.',
      notVerified: 'Your organisation’s sign-in says this address is not verified. Ask your IT department.',
      deactivated: 'This account has been deactivated; ask the programme office to reactivate it.',
      cancelled: 'The sign-in at your organisation was cancelled or refused. Try again.',
      expired: 'This sign-in took too long or was already used. Start again.',
      unverifiable:
        'Your organisation’s answer could not be verified, so you were not signed in. Try again; if it keeps happening, tell your IT department.',
      notConfigured: 'Your organisation’s sign-in is not set up correctly. Tell the programme office.',
      notLinkable:
        'An account with this address already exists and your organisation’s sign-in cannot take it over. Ask the programme office.',
      other: 'Signing in through your organisation did not work. Try again.',
    },
    pageTitle: 'Sign in',
    title: 'Sign in to Jalon',
    intro: 'Follow the maturation of your projects with your teams, mentors and partners.',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    wrongCredentials: 'Wrong email or password. Check both and try again.',
    rateLimited: (minutes: string) =>
      `Too many wrong passwords for this account or from this network. Wait ${minutes} min, then try again.`,
    networkError: 'Jalon could not be reached. Check your connection and try again.',
    unexpected: (message: string) => `Sign-in failed: ${message}`,
    missingFields: 'Enter your email and your password.',
    demoTitle: 'Demo accounts',
    demoHint: 'Click an account to fill in its email.',
    demoPassword: 'Password for all of them:',
    demoUse: (email: string) => `Use ${email}`,
    demoRoles: {
      manager: 'Cluster manager — sees every project',
      lead: 'Project lead',
      researcher: 'Contributor (researcher)',
      mentor: 'Mentor',
      partner: 'Observer from the pharma partner',
      platform: 'Cell-therapy platform team — handles service requests',
    },
  },
  sessionEnded: {
    /** on the sign-in page, when the server ended the session while the app was open */
    notice: {
      signed_out: 'You were signed out.',
      sessions_revoked: 'You were signed out: your sessions were ended from your account.',
      token_revoked: 'You were signed out.',
      expired: 'You were signed out: your session expired.',
      deactivated: 'You were signed out: your account has been deactivated.',
    },
    signInAgain: 'Sign in again to carry on.',
    /** a sign-in refused because the account is deactivated */
    deactivated: 'This account has been deactivated. Ask the programme office to reactivate it.',
  },
  /** how a person whose data was erased reads (shared/schemas/people.ts) */
  erasedPerson: 'Erased person',
  roles: {
    lead: 'Lead',
    contributor: 'Contributor',
    mentor: 'Mentor',
    observer: 'Observer',
    clusterManager: 'Cluster manager',
  },
  partnerRoles: {
    co_developer: 'Co-developer',
    industrial_partner: 'Industrial partner',
    clinical_site: 'Clinical site',
    platform: 'Platform',
    funder: 'Funder',
    academic_partner: 'Academic partner',
  },
  organisationKinds: {
    hospital: 'Hospital',
    academic: 'University',
    research_institute: 'Research institute',
    research_team: 'Research team',
    pharma: 'Pharma',
    startup: 'Start-up',
    sme: 'SME',
    public_agency: 'Public agency',
  },
  /** Generic stage names, used when no single track is in view (the tracks name them differently). */
  stages: {
    0: 'Intake',
    1: 'Proof of concept',
    2: 'Maturation',
    3: 'IND/CTA-enabling',
    4: 'Early clinical',
    5: 'Late stage',
  },
  portfolio: {
    pageTitle: 'Portfolio',
    title: 'Portfolio',
    caption: 'Projects you can see',
    count: (n: number, formatted: string) =>
      plural('en', n, { one: `${formatted} project`, other: `${formatted} projects` }),
    countFiltered: (_shown: number, total: number, shown: string, formattedTotal: string) =>
      plural('en', total, {
        one: `${shown} of ${formattedTotal} project`,
        other: `${shown} of ${formattedTotal} projects`,
      }),
    columns: {
      title: 'Project',
      track: 'Track',
      stage: 'Stage',
      lead: 'Lead organisation',
      role: 'Your role',
      updated: 'Updated',
    },
    stageLabel: (index: string, name: string) => `${index} · ${name}`,
    filters: {
      label: 'Filter projects',
      search: 'Search by title',
      searchPlaceholder: 'Filter by title…',
      searchShortcut: 'Press / to filter by title',
      track: 'Track',
      allTracks: 'All tracks',
      stage: 'Stage',
      allStages: 'All stages',
      mine: 'My projects only',
      clear: 'Clear filters',
    },
    loading: 'Loading projects…',
    emptyTitle: 'No projects yet',
    emptyBody:
      'Projects in Jalon are confidential: you see a project only once its team adds you as a member. Ask the project lead, or the cluster programme office, to invite you.',
    noResultsTitle: 'No project matches these filters',
    noResultsBody: 'Try another word or stage, or clear the filters to see all your projects.',
    errorTitle: 'Your projects could not be loaded',
    errorBody: (message: string) => `${message} Nothing was changed.`,
  },
  project: {
    backToPortfolio: 'Portfolio',
    breadcrumb: 'Breadcrumb',
    loading: 'Loading the project…',
    notFoundTitle: 'Project not found',
    notFoundBody:
      'This project does not exist, or you are not a member of it. Projects are visible only to their members and to the cluster programme office.',
    lostAccessTitle: 'Your access to this project was removed',
    lostAccessBody:
      'You are no longer a member of this project, so it is no longer shown here. If this is a mistake, ask its lead or the programme office.',
    errorTitle: 'This project could not be loaded',
    summary: 'Summary',
    noSummary: 'No summary yet.',
    facts: 'Details',
    track: 'Track',
    nextGate: 'Next gate',
    leadOrganisation: 'Lead organisation',
    yourRole: 'Your role',
    directory: 'Cluster directory',
    listed: 'Listed (summary card only)',
    notListed: 'Not listed',
    archived: 'Archived',
    created: 'Created',
    updated: 'Updated',
    partners: 'Partner organisations',
    noPartners: 'No partner organisations.',
    members: 'Team',
    membersCount: (n: number, formatted: string) =>
      plural('en', n, { one: `${formatted} member`, other: `${formatted} members` }),
    pendingInvitations: (n: number, formatted: string) =>
      plural('en', n, { one: `${formatted} invitation waiting`, other: `${formatted} invitations waiting` }),
    stepper: 'Maturation stages',
    levels: (min: string, max: string) => (min === max ? `TRL ${min}` : `TRL ${min}–${max}`),
    currentStep: 'current stage',
  },
  invitation: {
    pageTitle: 'Invitation',
    loading: 'Loading the invitation…',
    title: (project: string) => `Join ${project}`,
    body: (inviter: string, role: string) => `${inviter} invites you to join this project as ${role}.`,
    sentTo: (email: string) => `Invitation for ${email}`,
    expires: (date: string) => `Valid until ${date}`,
    accept: 'Accept the invitation',
    accepting: 'Joining…',
    signInToAccept: 'Sign in to accept',
    signedOutHint: (email: string) =>
      `Sign in with ${email} to accept. You will come back to this page after signing in.`,
    wrongAccount: (invited: string, current: string) =>
      `This invitation is for ${invited}, but you are signed in as ${current}. Sign out, then sign in with the invited address.`,
    switchAccount: 'Sign out and switch account',
    notFoundTitle: 'This invitation cannot be used',
    notFoundBody:
      'The link does not exist, or a newer invitation replaced it: use the latest mail you received, or ask the project lead for a new invitation.',
    errorTitle: 'The invitation could not be loaded',
    acceptFailed: (message: string) => `The invitation could not be accepted: ${message}`,
  },
  notFound: {
    pageTitle: 'Page not found',
    title: 'Page not found',
    body: 'There is nothing at this address. It may have moved, or the link may be mistyped.',
    home: 'Go to your portfolio',
  },
  errors: {
    network: 'Jalon could not be reached. Check your connection.',
    server: 'Something went wrong on our side.',
    unauthenticated: 'Your session has ended. Sign in again.',
    forbidden: 'You are not allowed to do this.',
    notFound: 'It does not exist or you do not have access to it.',
    rateLimited: 'Too many requests. Wait a minute, then try again.',
  },
  time: {
    justNow: 'just now',
  },
  room: roomEn,
  gates: gatesEn,
  evidence: evidenceEn,
  committee: committeeEn,
  maturity: maturityEn,
  activity: activityEn,
  directory: directoryEn,
  website: websiteEn,
  services: servicesEn,
  report: reportEn,
  members: membersEn,
  auditCheck: auditCheckEn,
  history: historyEn,
  analytics: analyticsEn,
  notifications: notificationsEn,
  account: accountEn,
  accountPage: accountPageEn,
  twoFactor: twoFactorEn,
  adminOrganisations: adminOrganisationsEn,
  adminSso: adminSsoEn,
  frameworksAdmin: frameworksAdminEn,
  admin: adminEn,
  projectSettings: projectSettingsEn,
};
