/** An erased person reads as such in the reader's language; everyone else keeps their name. */
import { describe, expect, it } from 'vitest';
import { en } from '../../client/i18n/en.ts';
import { fr } from '../../client/i18n/fr.ts';
import { personName } from '../../client/i18n/person-name.ts';
import { ERASED_PERSON_NAME } from '../../shared/schemas/people.ts';

describe('personName', () => {
  it('says "Erased person" in English and "Personne effacée" in French', () => {
    expect(personName(ERASED_PERSON_NAME, en)).toBe('Erased person');
    expect(personName(ERASED_PERSON_NAME, fr)).toBe('Personne effacée');
  });
  it('leaves every other name as it is', () => {
    expect(personName('Claire Dubois', fr)).toBe('Claire Dubois');
    expect(personName('', en)).toBe('');
  });
});
