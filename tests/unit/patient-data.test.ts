import { describe, expect, it } from 'vitest';
import { findPatientData, nirKeyIsValid, patientDataMessage } from '../../shared/patient-data.ts';

const kind = (text: string) => findPatientData(text)?.kind ?? null;

describe('the NIR detector', () => {
  it('refuses a NIR whose key is right, written solid or in groups', () => {
    expect(kind('patient 154037512345608 seen in March')).toBe('nir');
    expect(kind('NIR 1 54 03 75 123 456 08')).toBe('nir');
    expect(kind('2 55 08 14 168 025 38')).toBe('nir');
  });

  it('lets the same number through when its key is wrong (an ordinary number)', () => {
    expect(kind('order 154037512345609')).toBeNull();
    expect(kind('1 54 03 75 123 456 07')).toBeNull();
    expect(nirKeyIsValid('1540375123456', '09')).toBe(false);
  });

  it('reads Corsica’s departments 2A as 19 and 2B as 18', () => {
    expect(nirKeyIsValid('186012A005123', '10')).toBe(true);
    expect(kind('1 86 01 2A 005 123 10')).toBe('nir');
    expect(kind('1 86 01 2B 005 123 37')).toBe('nir');
    expect(kind('1 86 01 2B 005 123 10')).toBeNull();
  });

  it('does not take a longer run of digits or a short number for a NIR', () => {
    expect(kind('batch 91540375123456080')).toBeNull();
    expect(kind('cohort of 1540 patients, 37 variables, 2012-2024')).toBeNull();
  });
});

describe('the date-of-birth detector', () => {
  it('refuses a birth date next to a name, before or after it', () => {
    expect(kind('Jean Dupont, né le 12/03/1954')).toBe('birth_date_with_name');
    expect(kind('Mme Durand née le 01.02.1961 à Créteil')).toBe('birth_date_with_name');
    expect(kind('DOB 1954-03-12 DUPONT Jean')).toBe('birth_date_with_name');
    expect(kind('date de naissance : 12-03-1954 (M. Martin)')).toBe('birth_date_with_name');
  });

  it('lets dates alone and birth dates without a name through', () => {
    expect(kind('Period: 2015-01-01 to 2024-12-31')).toBeNull();
    expect(kind('Patients nés après le 01/01/1950 et traités avant 2020')).toBeNull();
    expect(kind('patients born on 01/01/1950 or later')).toBeNull();
    expect(kind('Gustave Roussy, from 12/03/2015 to 12/03/2024')).toBeNull();
  });
});

describe('the patient identifier detector', () => {
  it('refuses IPP and NIP followed by digits', () => {
    expect(kind('IPP 123456789')).toBe('patient_id');
    expect(kind('NIP: 00412345')).toBe('patient_id');
    expect(kind('see IPP n° 5512345')).toBe('patient_id');
  });

  it('lets the words through without an identifier, and short numbers', () => {
    expect(kind('The IPP is never exported; NIP 12 is a ward name')).toBeNull();
    expect(kind('Sponsor’s IPP policy applies')).toBeNull();
  });
});

describe('the refusal message', () => {
  it('names the field and says why, in English and French', () => {
    const message = patientDataMessage({ en: 'Cohort criteria', fr: 'Critères de la cohorte' }, 'nir');
    expect(message).toContain('Cohort criteria: looks like a French social security number (NIR)');
    expect(message).toContain('Critères de la cohorte : ressemble à un numéro de sécurité sociale (NIR)');
  });
});
