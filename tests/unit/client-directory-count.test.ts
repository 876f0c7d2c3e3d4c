/** The directory counts what a search found in words that agree with the number, in both languages. */
import { expect, test } from 'vitest';
import { en } from '../../client/i18n/en.ts';
import { fr } from '../../client/i18n/fr.ts';

test('one organisation, one mentor; several in the plural', () => {
  expect(fr.directory.count(1, '1')).toBe('1 organisation');
  expect(fr.directory.count(0, '0')).toBe('0 organisation');
  expect(fr.directory.count(12, '12')).toBe('12 organisations');
  expect(en.directory.count(1, '1')).toBe('1 organisation');
  expect(en.directory.count(0, '0')).toBe('0 organisations');
  expect(fr.directory.mentors.count(1, '1')).toBe('1 mentor');
  expect(en.directory.mentors.count(3, '3')).toBe('3 mentors');
});
