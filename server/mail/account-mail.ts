/**
 * The account mails, each in English then French (the recipient may have no account, hence no
 * language, yet). Every value is escaped in the HTML part; links are ours, built from PUBLIC_URL.
 */
import type { ProjectRole } from '../../shared/domain.ts';
import { escapeHtml as e } from '../notifications/digest-html.ts';
import type { OutgoingMail } from './mailer.ts';

type Paragraphs = { en: string[]; fr: string[] };

function bilingual(
  to: string,
  subject: string,
  body: Paragraphs,
  link?: { url: string; en: string; fr: string },
) {
  const text = [
    ...body.en,
    ...(link ? [`${link.en}: ${link.url}`] : []),
    '—',
    ...body.fr,
    ...(link ? [`${link.fr} : ${link.url}`] : []),
  ].join('\n\n');
  const block = (lines: string[], label?: string, lang?: string) =>
    `<div lang="${lang}">${lines.map((l) => `<p>${e(l)}</p>`).join('')}${
      link && label ? `<p><a href="${e(link.url)}">${e(label)}</a></p>` : ''
    }</div>`;
  const html = `<!doctype html><html><body style="font-family:sans-serif">${block(body.en, link?.en, 'en')}<hr>${block(body.fr, link?.fr, 'fr')}</body></html>`;
  return { to, subject, text, html } satisfies OutgoingMail;
}

export function verificationMail(to: string, url: string): OutgoingMail {
  return bilingual(
    to,
    'Confirm your address for Jalon / Confirmez votre adresse',
    {
      en: [
        'Someone, probably you, created a Jalon account with this address.',
        'Follow the link within 24 hours to confirm it; you can sign in once it is confirmed. If it was not you, ignore this mail: the account stays unusable.',
      ],
      fr: [
        'Quelqu’un, sans doute vous, a créé un compte Jalon avec cette adresse.',
        'Suivez le lien dans les 24 heures pour la confirmer ; vous pourrez vous connecter ensuite. Si ce n’était pas vous, ignorez ce message : le compte reste inutilisable.',
      ],
    },
    { url, en: 'Confirm my address', fr: 'Confirmer mon adresse' },
  );
}

export function existingAccountMail(to: string, signInUrl: string): OutgoingMail {
  return bilingual(
    to,
    'Someone tried to sign up with your address / Tentative d’inscription avec votre adresse',
    {
      en: [
        'Someone tried to create a Jalon account with this address, which already has one. Nothing was changed.',
        'If it was you, sign in instead; if you forgot your password, ask for a new one on the sign-in page.',
      ],
      fr: [
        'Quelqu’un a tenté de créer un compte Jalon avec cette adresse, qui en a déjà un. Rien n’a été modifié.',
        'Si c’était vous, connectez-vous ; si vous avez oublié votre mot de passe, demandez-en un nouveau sur la page de connexion.',
      ],
    },
    { url: signInUrl, en: 'Sign in', fr: 'Se connecter' },
  );
}

export function resetPasswordMail(to: string, url: string): OutgoingMail {
  return bilingual(
    to,
    'Reset your Jalon password / Réinitialiser votre mot de passe Jalon',
    {
      en: [
        'Someone asked to reset the password of the Jalon account with this address.',
        'Follow the link within an hour to choose a new password. If it was not you, ignore this mail: your password is unchanged.',
      ],
      fr: [
        'Quelqu’un a demandé à réinitialiser le mot de passe du compte Jalon de cette adresse.',
        'Suivez le lien dans l’heure pour choisir un nouveau mot de passe. Si ce n’était pas vous, ignorez ce message : votre mot de passe reste le même.',
      ],
    },
    { url, en: 'Choose a new password', fr: 'Choisir un nouveau mot de passe' },
  );
}

const roleNames: Record<ProjectRole, { en: string; fr: string }> = {
  lead: { en: 'project lead', fr: 'porteur du projet' },
  contributor: { en: 'contributor', fr: 'contributeur' },
  mentor: { en: 'mentor', fr: 'mentor' },
  observer: { en: 'observer', fr: 'observateur' },
};

/**
 * The invitee may have no account, hence no time zone yet: the expiry is given as a date and an
 * hour in UTC, which both languages say outright.
 */
function expiryIn(locale: 'en-GB' | 'fr-FR', at: Date) {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(at);
}

export function invitationMail(
  to: string,
  invite: { url: string; project: string; inviter: string; role: ProjectRole; expiresAt: Date },
): OutgoingMail {
  const role = roleNames[invite.role];
  return bilingual(
    to,
    `${invite.inviter} invites you to ${invite.project} on Jalon / Invitation sur Jalon`,
    {
      en: [
        `${invite.inviter} invites you to join the project ${invite.project} on Jalon, as ${role.en}.`,
        `The link works once, for this address only, until ${expiryIn('en-GB', invite.expiresAt)} (UTC). If you do not wish to join, you can decline from the same page.`,
      ],
      fr: [
        `${invite.inviter} vous invite à rejoindre le projet ${invite.project} sur Jalon, comme ${role.fr}.`,
        `Le lien ne sert qu’une fois, pour cette adresse seulement, jusqu’au ${expiryIn('fr-FR', invite.expiresAt)} (UTC). Si vous ne souhaitez pas participer, vous pouvez refuser depuis la même page.`,
      ],
    },
    { url: invite.url, en: 'See the invitation', fr: 'Voir l’invitation' },
  );
}

export function addedToProjectMail(
  to: string,
  added: { url: string; project: string; inviter: string },
): OutgoingMail {
  return bilingual(
    to,
    `You were added to ${added.project} on Jalon / Ajout à un projet Jalon`,
    {
      en: [`${added.inviter} added you to the project ${added.project} on Jalon.`],
      fr: [`${added.inviter} vous a ajouté(e) au projet ${added.project} sur Jalon.`],
    },
    { url: added.url, en: 'Open the project', fr: 'Ouvrir le projet' },
  );
}

/** The first password of an account the operator created from the shell (npm run admin). */
export function choosePasswordMail(to: string, url: string, hours: number): OutgoingMail {
  return bilingual(
    to,
    'Your Jalon account: choose your password / Votre compte Jalon : choisissez votre mot de passe',
    {
      en: [
        'A Jalon account was created for this address, as a cluster manager (the programme office).',
        `Follow the link within ${hours} hours to choose your password; it works once. Then sign in with this address.`,
      ],
      fr: [
        'Un compte Jalon a été créé pour cette adresse, comme gestionnaire du cluster (bureau du programme).',
        `Suivez le lien dans les ${hours} heures pour choisir votre mot de passe ; il ne sert qu’une fois. Connectez-vous ensuite avec cette adresse.`,
      ],
    },
    { url, en: 'Choose my password', fr: 'Choisir mon mot de passe' },
  );
}

/** A new password link the operator issued from the shell: every session of the account ended. */
export function operatorResetMail(to: string, url: string, hours: number): OutgoingMail {
  return bilingual(
    to,
    'Choose a new Jalon password / Choisissez un nouveau mot de passe Jalon',
    {
      en: [
        'The administrator of your Jalon server issued a new password link for this account, and signed it out everywhere.',
        `Follow the link within ${hours} hours to choose a new password; it works once. Earlier links no longer work.`,
      ],
      fr: [
        'L’administrateur de votre serveur Jalon a émis un nouveau lien de mot de passe pour ce compte, et l’a déconnecté partout.',
        `Suivez le lien dans les ${hours} heures pour choisir un nouveau mot de passe ; il ne sert qu’une fois. Les liens précédents ne fonctionnent plus.`,
      ],
    },
    { url, en: 'Choose a new password', fr: 'Choisir un nouveau mot de passe' },
  );
}
