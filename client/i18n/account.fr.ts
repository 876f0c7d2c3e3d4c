/** Chaînes françaises des comptes : création depuis une invitation, règle des mots de passe, réinitialisation. */
import type { accountEn } from './account.en.ts';

export const accountFr: typeof accountEn = {
  name: 'Votre nom',
  nameHint:
    'Tel que vos collègues vous connaissent. Ce ne peut être le nom d’un rôle, du bureau du programme ou d’un autre membre.',
  password: 'Choisissez un mot de passe',
  newPassword: 'Nouveau mot de passe',
  passwordRule:
    'Au moins 12 caractères. Pas l’un des mots de passe les plus courants, ni votre adresse e-mail. Quelques mots sans rapport entre eux en font un bon.',
  problems: {
    nameMissing: 'Indiquez votre nom.',
    nameRefused:
      'Ce nom pourrait passer pour celui du bureau du programme, d’un rôle ou d’un autre membre du projet. Utilisez votre propre nom.',
    passwordTooShort: 'Votre mot de passe doit compter au moins 12 caractères.',
    passwordTooLong: 'Votre mot de passe peut compter au plus 256 caractères.',
    passwordIsAddress: 'Votre mot de passe ne peut pas être votre adresse e-mail, ni une partie de celle-ci.',
    passwordTooCommon:
      'Ce mot de passe fait partie des plus courants, que les attaquants essaient en premier. Choisissez-en un autre.',
    resetLinkInvalid: 'Ce lien de réinitialisation a expiré ou a déjà servi. Demandez-en un nouveau.',
  },
  invitation: {
    createTitle: 'Nouveau sur Jalon ? Créez votre compte',
    createIntro: (email: string) =>
      `Votre compte sera celui de ${email}\u00a0: ce lien a été envoyé à cette adresse, elle est donc confirmée.`,
    create: 'Créer mon compte et rejoindre',
    creating: 'Création de votre compte…',
    haveAccount: 'Vous avez déjà un compte Jalon pour cette adresse ?',
    accountExists: (email: string) => `${email} a déjà un compte Jalon : connectez-vous pour accepter.`,
  },
  signIn: {
    forgot: 'Mot de passe oublié ?',
    verified: 'Votre adresse est confirmée. Vous pouvez vous connecter.',
    passwordChanged: 'Votre mot de passe a été changé. Connectez-vous avec le nouveau.',
    notVerified:
      'Confirmez d’abord votre adresse : nous y avons envoyé un lien. Suivez-le, puis connectez-vous.',
    noAccount: 'Pas encore de compte ?',
    signUp: 'Créer un compte',
  },
  forgot: {
    pageTitle: 'Mot de passe oublié',
    title: 'Réinitialiser votre mot de passe',
    intro:
      'Indiquez l’adresse de votre compte. Nous y enverrons un lien pour choisir un nouveau mot de passe.',
    email: 'E-mail',
    submit: 'Envoyer le lien',
    submitting: 'Envoi…',
    sent: (email: string) =>
      `Si ${email} a un compte Jalon, un lien pour choisir un nouveau mot de passe est en route. Il est valable une heure. Rien n’arrive ? Vérifiez l’adresse, ou demandez au bureau du programme.`,
    noMail:
      'Ce cluster n’envoie pas d’e-mail : aucun lien de réinitialisation ne peut vous parvenir. Demandez de l’aide au bureau du programme.',
    backToSignIn: 'Retour à la connexion',
  },
  reset: {
    pageTitle: 'Nouveau mot de passe',
    title: 'Choisissez un nouveau mot de passe',
    submit: 'Enregistrer le nouveau mot de passe',
    submitting: 'Enregistrement…',
    missingToken: 'Cette page a besoin du lien de l’e-mail de réinitialisation. Demandez-en un nouveau.',
    askAgain: 'Demander un nouveau lien',
  },
  signUp: {
    pageTitle: 'Créer un compte',
    title: 'Créer un compte Jalon',
    intro:
      'Nous enverrons un lien à votre adresse ; vous pourrez vous connecter une fois que vous l’aurez suivi.',
    email: 'E-mail',
    submit: 'Créer mon compte',
    submitting: 'Création…',
    sent: (email: string) =>
      `Presque fini : suivez le lien envoyé à ${email} dans les 24 heures, puis connectez-vous. Si l’adresse avait déjà un compte, sa ou son titulaire a reçu un e-mail à la place.`,
  },
  failed: (message: string) => `Cela n’a pas fonctionné : ${message}`,
};
