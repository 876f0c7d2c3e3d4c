/**
 * English strings of two-factor authentication (`t().twoFactor`): the account section, the
 * sign-in's second step, the gate signature's code; `two-factor.fr.ts` mirrors it.
 */
export const twoFactorEn = {
  section: {
    title: 'Two-factor authentication',
    intro:
      'An authenticator app on your phone (such as Google Authenticator, Microsoft Authenticator, FreeOTP or 1Password) gives a new 6-digit code every 30 seconds. Once this is on, signing in and signing gate decisions need that code as well as your password.',
    on: 'On: signing in asks for a code from your authenticator app.',
    off: 'Off: your password alone signs you in.',
    required:
      'This cluster requires two-factor authentication of cluster managers and of everyone who signs gate decisions. Turn it on to continue using Jalon: until then, only this page is open to you.',
    password: 'Your password',
    passwordMissing: 'Enter your password.',
    wrongPassword: 'That password is not correct.',
    turnOn: 'Turn on two-factor authentication',
    turningOn: 'Preparing…',
    scanTitle: 'Add Jalon to your authenticator app',
    scanSteps:
      'In your authenticator app, add an account and scan this code, or enter the key below (time-based, 6 digits). On a phone, the link opens the app directly.',
    qrAlt: 'QR code of the key, to scan with your authenticator app',
    secretLabel: 'Key to enter in the app',
    copySecret: 'Copy the key',
    openInApp: 'Open in my authenticator app',
    uriLabel: 'Set-up address (otpauth)',
    confirmCode: 'Code shown by the app',
    codeHint: '6 digits, without spaces.',
    codeMissing: 'Enter the 6-digit code shown by your app.',
    codeShape: 'A code has 6 digits.',
    wrongCode: 'That code is not right. Check the time on your phone, and type the code shown now.',
    confirm: 'Confirm and turn on',
    confirming: 'Checking…',
    cancel: 'Cancel',
    backupTitle: 'Your backup codes',
    backupIntro:
      'Keep these codes somewhere safe, away from your phone. Each one signs you in once if your phone is lost. They are shown only now.',
    backupListLabel: 'Backup codes',
    copyCodes: 'Copy the codes',
    downloadCodes: 'Download as a text file',
    copied: 'Copied.',
    copyFailed: 'This browser would not copy: select the text instead.',
    saved: 'I have kept them',
    backupFileHeading: (email: string) => `Jalon backup codes for ${email}. Each code works once.`,
    turnedOn: 'Two-factor authentication is on.',
    turnOff: 'Turn off',
    turnOffConfirm: 'Turn off two-factor authentication',
    turningOff: 'Turning off…',
    turnOffIntro: 'Enter your password to turn it off. Your backup codes stop working.',
    turnedOff: 'Two-factor authentication is off.',
    turnOffRequired:
      'This cluster requires it of you: turning it off would close everything but this page until you turn it on again.',
    newCodes: 'New backup codes',
    newCodesIntro: 'Enter your password to make ten new backup codes. The old ones stop working.',
    makeCodes: 'Make new codes',
    makingCodes: 'Making…',
    failed: 'That did not work.',
  },
  signIn: {
    title: 'Enter your code',
    intro: 'Open your authenticator app and type the 6-digit code it shows for Jalon.',
    code: 'Authentication code',
    backupTitle: 'Enter a backup code',
    backupIntro:
      'Type one of the backup codes you kept when you turned two-factor authentication on. Each works once.',
    backupCode: 'Backup code',
    backupMissing: 'Enter one of your backup codes.',
    useBackup: 'Use a backup code instead',
    useApp: 'Use my authenticator app instead',
    submit: 'Verify',
    submitting: 'Verifying…',
    startOver: 'Sign in with another account',
    wrongCode: 'That code is not right. Type the code your app shows now.',
    wrongBackup: 'That backup code is not right, or it was already used.',
    tooManyForThisSignIn: 'Too many wrong codes for this sign-in. Enter your password again.',
    locked: (minutes: string) =>
      `Too many wrong codes in a row: two-factor sign-in to this account is locked. Try again in ${minutes} minutes.`,
    expired: 'This sign-in took too long. Enter your password again.',
  },
  gate: {
    code: 'Code from your authenticator app',
    codeHint:
      'Two-factor authentication is on for you: signing also needs the code your app shows now, or a backup code.',
    codeMissing: 'Enter the code of your authenticator app, or a backup code.',
    wrongCode: 'That code is not right (or the backup code was already used). Nothing was signed.',
  },
  signedWith: {
    password: 'authenticated with password',
    'password+totp': 'authenticated with password and authenticator code',
    oidc: "authenticated at their organisation's sign-in (OIDC)",
  },
  signedWithAt: (how: string, when: string) => `${how}, checked ${when}`,
};
