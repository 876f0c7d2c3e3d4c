/** Les textes de l’authentification à deux facteurs (`t().twoFactor`), même forme que `two-factor.en.ts`. */
import type { Messages } from './messages.ts';

export const twoFactorFr: Messages['twoFactor'] = {
  section: {
    title: 'Authentification à deux facteurs',
    intro:
      'Une application d’authentification sur votre téléphone (Google Authenticator, Microsoft Authenticator, FreeOTP, 1Password…) donne un nouveau code à 6\u00a0chiffres toutes les 30\u00a0secondes. Une fois activée, la connexion et la signature des décisions de passage demandent ce code en plus de votre mot de passe.',
    on: 'Activée\u00a0: la connexion demande un code de votre application d’authentification.',
    off: 'Désactivée\u00a0: votre mot de passe suffit pour vous connecter.',
    required:
      'Ce cluster exige l’authentification à deux facteurs des gestionnaires du cluster et de toute personne qui signe des décisions de passage. Activez-la pour continuer à utiliser Jalon\u00a0: d’ici là, seule cette page vous est ouverte.',
    password: 'Votre mot de passe',
    passwordMissing: 'Saisissez votre mot de passe.',
    wrongPassword: 'Ce mot de passe n’est pas le bon.',
    turnOn: 'Activer l’authentification à deux facteurs',
    turningOn: 'Préparation…',
    scanTitle: 'Ajoutez Jalon à votre application d’authentification',
    scanSteps:
      'Dans votre application d’authentification, ajoutez un compte et scannez ce code, ou saisissez la clé ci-dessous (basée sur le temps, 6\u00a0chiffres). Sur un téléphone, le lien ouvre directement l’application.',
    qrAlt: 'QR code de la clé, à scanner avec votre application d’authentification',
    secretLabel: 'Clé à saisir dans l’application',
    copySecret: 'Copier la clé',
    openInApp: 'Ouvrir dans mon application d’authentification',
    uriLabel: 'Adresse de configuration (otpauth)',
    confirmCode: 'Code affiché par l’application',
    codeHint: '6\u00a0chiffres, sans espace.',
    codeMissing: 'Saisissez le code à 6\u00a0chiffres affiché par votre application.',
    codeShape: 'Un code a 6\u00a0chiffres.',
    wrongCode:
      'Ce code n’est pas le bon. Vérifiez l’heure de votre téléphone et saisissez le code affiché maintenant.',
    confirm: 'Confirmer et activer',
    confirming: 'Vérification…',
    cancel: 'Annuler',
    backupTitle: 'Vos codes de secours',
    backupIntro:
      'Conservez ces codes en lieu sûr, loin de votre téléphone. Chacun vous connecte une fois si vous perdez votre téléphone. Ils ne sont affichés que maintenant.',
    backupListLabel: 'Codes de secours',
    copyCodes: 'Copier les codes',
    downloadCodes: 'Télécharger en fichier texte',
    copied: 'Copié.',
    copyFailed: 'Ce navigateur n’a pas voulu copier\u00a0: sélectionnez le texte.',
    saved: 'Je les ai conservés',
    backupFileHeading: (email: string) =>
      `Codes de secours Jalon pour ${email}. Chaque code ne sert qu’une fois.`,
    turnedOn: 'L’authentification à deux facteurs est activée.',
    turnOff: 'Désactiver',
    turnOffConfirm: 'Désactiver l’authentification à deux facteurs',
    turningOff: 'Désactivation…',
    turnOffIntro:
      'Saisissez votre mot de passe pour la désactiver. Vos codes de secours cessent de fonctionner.',
    turnedOff: 'L’authentification à deux facteurs est désactivée.',
    turnOffRequired:
      'Ce cluster l’exige de vous\u00a0: la désactiver fermerait tout sauf cette page jusqu’à ce que vous la réactiviez.',
    newCodes: 'Nouveaux codes de secours',
    newCodesIntro:
      'Saisissez votre mot de passe pour créer dix nouveaux codes de secours. Les anciens cessent de fonctionner.',
    makeCodes: 'Créer de nouveaux codes',
    makingCodes: 'Création…',
    failed: 'Cela n’a pas fonctionné.',
  },
  signIn: {
    title: 'Saisissez votre code',
    intro:
      'Ouvrez votre application d’authentification et saisissez le code à 6\u00a0chiffres affiché pour Jalon.',
    code: 'Code d’authentification',
    backupTitle: 'Saisissez un code de secours',
    backupIntro:
      'Saisissez l’un des codes de secours conservés lors de l’activation de l’authentification à deux facteurs. Chacun ne sert qu’une fois.',
    backupCode: 'Code de secours',
    backupMissing: 'Saisissez l’un de vos codes de secours.',
    useBackup: 'Utiliser plutôt un code de secours',
    useApp: 'Utiliser plutôt mon application d’authentification',
    submit: 'Vérifier',
    submitting: 'Vérification…',
    startOver: 'Se connecter avec un autre compte',
    wrongCode: 'Ce code n’est pas le bon. Saisissez le code affiché maintenant par votre application.',
    wrongBackup: 'Ce code de secours n’est pas le bon, ou il a déjà servi.',
    tooManyForThisSignIn:
      'Trop de codes erronés pour cette connexion. Saisissez de nouveau votre mot de passe.',
    locked: (minutes: string) =>
      `Trop de codes erronés d’affilée\u00a0: la connexion à deux facteurs de ce compte est bloquée. Réessayez dans ${minutes}\u00a0minutes.`,
    expired: 'Cette connexion a pris trop de temps. Saisissez de nouveau votre mot de passe.',
  },
  gate: {
    code: 'Code de votre application d’authentification',
    codeHint:
      'L’authentification à deux facteurs est activée pour vous\u00a0: signer demande aussi le code affiché maintenant par votre application, ou un code de secours.',
    codeMissing: 'Saisissez le code de votre application d’authentification, ou un code de secours.',
    wrongCode: 'Ce code n’est pas le bon (ou ce code de secours a déjà servi). Rien n’a été signé.',
  },
  signedWith: {
    password: 'authentifiée par mot de passe',
    'password+totp': 'authentifiée par mot de passe et code d’authentification',
    oidc: 'authentifiée à la connexion de son organisation (OIDC)',
  },
  signedWithAt: (how: string, when: string) => `${how}, vérifié le ${when}`,
};
