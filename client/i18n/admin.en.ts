/** English strings for the programme office's administration (/admin) and each person's home. */
import { plural } from './plural.ts';

export const adminEn = {
  pageTitle: 'Administration',
  nav: 'Administration',
  accountNav: 'Account',
  title: 'Administration',
  sectionsLabel: 'Administration sections',
  sections: {
    people: 'People',
    organisations: 'Organisations',
    audit: 'Audit trail',
    services: 'Services',
  },
  auditLink: 'Check the audit trail, in the administration',
  notAllowedTitle: 'Only the programme office administers the cluster',
  notAllowedBody:
    'This page is for cluster managers. If you need an account deactivated, rights changed or an organisation added, ask the cluster programme office.',
  audit: {
    intro:
      'Every change in Jalon is recorded in a tamper-evident audit trail. Check that nothing in it was altered since it was written.',
  },
  services: {
    intro:
      'The service catalogue lists what the cluster’s platforms and partners offer to projects. Cluster managers add offers and change them.',
    catalogue: 'Open the catalogue',
    newService: 'Add a service',
    queue: 'Open the request queue',
  },
  people: {
    pageTitle: 'People',
    search: 'Search people',
    searchPlaceholder: 'Name, e-mail or organisation',
    status: 'Status',
    statusAll: 'Everyone',
    statusActive: 'Active',
    statusDeactivated: 'Deactivated',
    count: (n: number, formatted: string) =>
      plural('en', n, { one: `${formatted} person`, other: `${formatted} people` }),
    loading: 'Loading people…',
    loadFailed: 'The people could not be loaded',
    emptyTitle: 'Nobody matches',
    emptyBody: 'Try part of a name, an e-mail address or an organisation, or clear the search.',
    clear: 'Clear the search',
    pages: 'Pages of the list',
    previous: 'Previous',
    next: 'Next',
    range: (from: string, to: string, total: string) => `${from}–${to} of ${total}`,
    noOrganisation: 'No organisation',
    manager: 'Cluster manager',
    deactivated: 'Deactivated',
    erased: 'Data erased',
    caption: 'People of the cluster',
    name: 'Name',
    organisations: 'Organisations',
    standing: 'Status',
    active: 'Active',
  },
  person: {
    back: 'All people',
    loading: 'Loading this person…',
    loadFailed: 'This person could not be loaded',
    notFoundTitle: 'No such person',
    notFoundBody: 'This account does not exist. Go back to the list and search again.',
    since: (date: string) => `Account created on ${date}`,
    projects: 'Projects and roles',
    noProjects: 'Member of no project.',
    archived: 'archived',
    invitations: 'Invitations waiting',
    invitationUntil: (project: string, role: string, date: string) =>
      `${project}, as ${role}, valid until ${date}`,
    invitationsHint: 'The project’s lead resends or withdraws an invitation from the project’s members.',
    work: 'Other work',
    handles: (n: number, formatted: string) =>
      plural('en', n, {
        one: `Handles the requests of ${formatted} service`,
        other: `Handles the requests of ${formatted} services`,
      }),
    mentor: 'Mentor',
    noOtherWork: 'Handles no service and mentors no project.',
    actions: 'Account and rights',
    rights: 'Cluster-manager rights',
    rightsOn: 'This person is a cluster manager: they see every project and run the programme office.',
    rightsOff: 'This person is not a cluster manager.',
    grant: 'Make cluster manager',
    withdraw: 'Withdraw cluster-manager rights',
    grantConfirm: (name: string) =>
      `Make ${name} a cluster manager? They will see every project, decide gates and administer the cluster, from now on.`,
    withdrawConfirm: (name: string) =>
      `Withdraw ${name}’s cluster-manager rights? They lose access at once to every project they are not a member of.`,
    withdrawOwnConfirm:
      'Withdraw your own cluster-manager rights? You lose this page and every project you are not a member of, at once.',
    account: 'Account',
    activeNow: 'Active: this person can sign in.',
    deactivatedOn: (date: string) => `Deactivated on ${date}: this person cannot sign in.`,
    erasedOn: (date: string) => `Personal data erased on ${date}.`,
    deactivate: 'Deactivate the account',
    deactivateConfirm: (name: string) =>
      `Deactivate ${name}’s account? They are signed out everywhere at once, and their API tokens stop working. You can reactivate the account later.`,
    reactivate: 'Reactivate the account',
    reactivateConfirm: (name: string) =>
      `Reactivate ${name}’s account? They can sign in again; their old API tokens stay revoked.`,
    confirm: 'Confirm',
    cancel: 'Cancel',
    working: 'Saving…',
    failed: 'This could not be done:',
    lastManager:
      'This is the last cluster manager: make someone else a cluster manager first, so that someone still runs the programme office.',
    conflict: 'The account changed meanwhile: reload this page and check before trying again.',
    done: {
      deactivated: 'The account is deactivated. Its sessions and tokens have ended.',
      reactivated: 'The account is reactivated.',
      granted: 'This person is now a cluster manager.',
      withdrawn: 'Cluster-manager rights withdrawn.',
      erased: 'The personal data is erased.',
    },
    gdpr: 'Personal data (GDPR)',
    exportIntro:
      'Everything Jalon holds about this person, with every audit entry about them, as a JSON file (right of access).',
    export: 'Export audit data',
    eraseIntro:
      'Erase the name, e-mail address, profile and credentials of a deactivated account, on the person’s request (right to erasure). The audit trail keeps the account’s id. This cannot be undone.',
    eraseNeedsDeactivation: 'Deactivate the account first: only a deactivated account can be erased.',
    erase: 'Erase personal data…',
    eraseConfirmTitle: 'Erase this person’s data for good',
    eraseConfirmBody: (email: string) =>
      `This cannot be undone. To confirm, type the person’s e-mail address: ${email}`,
    eraseConfirmLabel: 'E-mail address of the person',
    eraseMismatch: 'This is not the person’s e-mail address.',
    eraseNow: 'Erase for good',
  },
  home: {
    nothingTitle: 'Nothing for you here yet',
    nothingBody:
      'Projects in Jalon are confidential: you see one once its team makes you a member. Ask a project lead, or the cluster programme office, to invite you. Meanwhile you can browse the directory and the service catalogue.',
    directory: 'Browse the directory',
    catalogue: 'See the service catalogue',
    queueTitle: 'Your work is in the service queue',
    queueBody: 'You are a member of no project, but you handle requests for services of the catalogue.',
    queue: 'Open the service queue',
    mentorTitle: 'Your work is in your mentor requests',
    mentorBody: 'You are a member of no project yet; project leads ask you to mentor from the mentors page.',
    mentor: 'Open your mentor requests',
  },
};
