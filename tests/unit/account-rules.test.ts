/** The password policy and the display-name rule, as tables; and the SIGNUP setting. */
import { describe, expect, it } from 'vitest';
import { displayNameProblem } from '../../server/auth/display-name.rules.ts';
import { passwordProblem } from '../../server/auth/password-policy.ts';
import { loadConfig } from '../../server/config.ts';

describe('the password policy', () => {
  it.each([
    ['eleven-char', 'too_short'],
    ['password1234', 'too_common'],
    ['Password1234', 'too_common'],
    ['QWERTY123456', 'too_common'],
    ['1qaz2wsx3edc', 'too_common'],
    ['claire.dubois@example.org', 'is_address'],
    ['CLAIRE.DUBOIS@EXAMPLE.ORG', 'is_address'],
    ['claire.dubois', 'is_address'],
    ['claire.dubois-2026', 'is_address'],
    ['x'.repeat(257), 'too_long'],
    ['tulip-harbour-lantern', null],
    ['jalon-demo-2026', null],
  ])('%s → %s', (password, problem) => {
    expect(passwordProblem(password, 'claire.dubois@example.org')).toBe(problem);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(passwordProblem('😀'.repeat(11), null)).toBe('too_short');
    expect(passwordProblem('😀'.repeat(12), null)).toBeNull();
  });
});

describe('display names', () => {
  const fellows = ['Claire Dubois', 'Dr. Sophie Laurent'];
  it.each([
    'Programme Office',
    'programme-office',
    'ProgrammeOffice',
    'Program Office',
    'Bureau du programme',
    'BUREAU DU PROGRAMME.',
    'Cluster manager',
    'Gestionnaire du cluster',
    'Gestionnaire de cluster',
    'Jalon',
    'Jalon Team',
    'System',
    'Système',
    'Administrator',
    'Administrateur',
    'Admin',
    'Claire (Programme Office)',
    'Project Lead',
  ])('refuses %s as the office, a role or the system', (name) => {
    expect(displayNameProblem(name, fellows)).toBe('reserved');
  });

  it.each([
    'Claire Dubois',
    'claire  dubois',
    'Clàire Dubóis',
    'Dr Claire Dubois',
    'Sophie Laurent',
    'ClaireDubois',
  ])('refuses %s as another member', (name) => {
    expect(displayNameProblem(name, fellows)).toBe('other_member');
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['...', 'empty'],
    ['x'.repeat(81), 'too_long'],
    ['Nora\nNewcomer', 'control_characters'],
    ['Nora\u202eNewcomer', 'control_characters'],
  ])('refuses %j (%s)', (name, problem) => {
    expect(displayNameProblem(name, fellows)).toBe(problem);
  });

  it.each([
    'Nora Newcomer',
    'Claire Martin',
    'Mika Jalonen',
    'Léa Systermans',
    'Badminton Club',
    'Ana Adminou',
  ])('accepts %s', (name) => {
    expect(displayNameProblem(name, fellows)).toBeNull();
  });
});

describe('the SIGNUP setting', () => {
  it('is invite by default, open on request, and open needs a mail server', () => {
    expect(loadConfig({ AUTH_SECRET: 'x'.repeat(32) }).signup).toBe('invite');
    expect(
      loadConfig({ AUTH_SECRET: 'x'.repeat(32), SIGNUP: 'open', SMTP_URL: 'smtp://127.0.0.1:25' }).signup,
    ).toBe('open');
    expect(() => loadConfig({ AUTH_SECRET: 'x'.repeat(32), SIGNUP: 'open' })).toThrow(
      /SIGNUP: open needs SMTP_URL/,
    );
    expect(() => loadConfig({ AUTH_SECRET: 'x'.repeat(32), SIGNUP: 'anyone' })).toThrow(/SIGNUP/);
  });
});
