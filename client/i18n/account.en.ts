/** English strings for accounts: creating one from an invitation, the password rule, resets. */
export const accountEn = {
  name: 'Your name',
  nameHint:
    'As your colleagues know you. It cannot be the name of a role, of the programme office, or of another member.',
  password: 'Choose a password',
  newPassword: 'New password',
  passwordRule:
    'At least 12 characters. Not one of the most common passwords, and not your e-mail address. A few unrelated words make a good one.',
  problems: {
    nameMissing: 'Enter your name.',
    nameRefused:
      'This name could be taken for the programme office, a role or another member of the project. Use your own name.',
    passwordTooShort: 'Your password needs at least 12 characters.',
    passwordTooLong: 'Your password can have at most 256 characters.',
    passwordIsAddress: 'Your password cannot be your e-mail address or part of it.',
    passwordTooCommon:
      'This password is among the most common ones, which attackers try first. Choose another.',
    resetLinkInvalid: 'This reset link has expired or was already used. Ask for a new one.',
  },
  invitation: {
    createTitle: 'New to Jalon? Create your account',
    createIntro: (email: string) =>
      `Your account will be for ${email}: this link was sent to that address, so it is confirmed.`,
    create: 'Create my account and join',
    creating: 'Creating your account…',
    haveAccount: 'Already have a Jalon account for this address?',
    accountExists: (email: string) => `${email} already has a Jalon account: sign in to accept.`,
  },
  signIn: {
    forgot: 'Forgot your password?',
    verified: 'Your address is confirmed. You can sign in.',
    passwordChanged: 'Your password was changed. Sign in with the new one.',
    notVerified: 'Confirm your address first: we have sent a link to it. Follow it, then sign in.',
    noAccount: 'No account yet?',
    signUp: 'Create an account',
  },
  forgot: {
    pageTitle: 'Forgotten password',
    title: 'Reset your password',
    intro: 'Enter the address of your account. We will send it a link to choose a new password.',
    email: 'Email',
    submit: 'Send the link',
    submitting: 'Sending…',
    sent: (email: string) =>
      `If ${email} has a Jalon account, a link to choose a new password is on its way. It works for an hour. Nothing arrives? Check the address, or ask the programme office.`,
    noMail:
      'This cluster sends no e-mail, so no reset link can reach you. Ask the programme office for help.',
    backToSignIn: 'Back to sign-in',
  },
  reset: {
    pageTitle: 'New password',
    title: 'Choose a new password',
    submit: 'Save the new password',
    submitting: 'Saving…',
    missingToken: 'This page needs the link from the reset e-mail. Ask for a new one.',
    askAgain: 'Ask for a new link',
  },
  signUp: {
    pageTitle: 'Create an account',
    title: 'Create a Jalon account',
    intro: 'We will send a link to your address; you can sign in once you have followed it.',
    email: 'Email',
    submit: 'Create my account',
    submitting: 'Creating…',
    sent: (email: string) =>
      `Almost there: follow the link we sent to ${email} within 24 hours, then sign in. If the address already had an account, its owner got a mail instead.`,
  },
  failed: (message: string) => `That did not work: ${message}`,
};
