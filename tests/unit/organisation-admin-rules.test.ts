import { describe, expect, it } from 'vitest';
import { changedFields, leadsActiveProjectsRefusal } from '../../server/organisations/organisation.rules.ts';
import {
  badgeColours,
  organisationColour,
  organisationInitials,
  slugFromName,
} from '../../shared/organisation-identity.ts';
import { CreateOrganisationBody, UpdateOrganisationBody } from '../../shared/schemas/organisations.ts';

describe('an organisation’s address, initials and colour', () => {
  it.each([
    ['Hôpital Saint-Éloi', 'hopital-saint-eloi'],
    ['  Institut  Curie (Orsay) ', 'institut-curie-orsay'],
    ['L’Oréal R&D', 'l-oreal-r-d'],
    ['***', ''],
  ])('%s → %s', (name, slug) => expect(slugFromName(name)).toBe(slug));

  it.each([
    ['Institut de Recherche Servier', 'IR'],
    ['Gustave Roussy', 'GR'],
    ['Sanofi', 'S'],
    ['Université Paris-Saclay', 'UP'],
    ['élan', 'É'],
  ])('%s → %s', (name, initials) => expect(organisationInitials(name)).toBe(initials));

  it('gives the same id the same colour, from the accessible palette', () => {
    expect(organisationColour('org-1')).toBe(organisationColour('org-1'));
    expect(badgeColours).toContain(organisationColour('org-2'));
    const spread = new Set(Array.from({ length: 50 }, (_, i) => organisationColour(`id-${i}`)));
    expect(spread.size).toBeGreaterThan(5);
  });
});

describe('the organisation schemas', () => {
  const base = {
    name: 'NeoScan',
    kind: 'startup',
    founder: false,
    description: { en: '', fr: '' },
    website: '',
    focusAreas: [],
  };
  it('takes an empty website as none, and refuses what is not an http(s) address', () => {
    expect(CreateOrganisationBody.parse(base).website).toBeNull();
    expect(CreateOrganisationBody.parse({ ...base, website: ' https://neoscan.fr ' }).website).toBe(
      'https://neoscan.fr',
    );
    for (const website of ['neoscan.fr', 'mailto:a@b.fr', 'javascript:alert(1)', 'http://intranet'])
      expect(CreateOrganisationBody.safeParse({ ...base, website }).success, website).toBe(false);
  });
  it('requires the version on an edit, and nothing else', () => {
    expect(UpdateOrganisationBody.safeParse({ name: 'X Y' }).success).toBe(false);
    expect(UpdateOrganisationBody.safeParse({ version: 3 }).success).toBe(true);
    expect(UpdateOrganisationBody.safeParse({ version: 3, deactivatedAt: null }).success).toBe(false);
  });
});

describe('what an edit records', () => {
  const row = {
    id: 'o1',
    slug: 'neoscan',
    name: 'NeoScan',
    kind: 'startup',
    founder: false,
    parentId: null,
    descriptionEn: 'Imaging',
    descriptionFr: 'Imagerie',
    focusAreas: ['imaging'],
    website: null,
    deactivatedAt: null,
    version: 1,
    createdAt: new Date(0),
  };
  it('only the fields that change, each with before and after', () => {
    expect(
      changedFields(row, {
        name: 'NeoScan',
        founder: true,
        description: { en: 'Imaging', fr: 'Imagerie médicale' },
        focusAreas: ['imaging'],
      }),
    ).toEqual([
      { field: 'founder', before: false, after: true },
      {
        field: 'description',
        before: { en: 'Imaging', fr: 'Imagerie' },
        after: { en: 'Imaging', fr: 'Imagerie médicale' },
      },
    ]);
  });
});

describe('deactivating an organisation that leads projects', () => {
  it('is allowed when it leads none, and names the first three otherwise', () => {
    expect(leadsActiveProjectsRefusal('NeoScan', [])).toBeNull();
    expect(leadsActiveProjectsRefusal('NeoScan', ['A'])).toBe(
      'NeoScan still leads an active project («A»): archive it or give it another lead organisation first',
    );
    expect(leadsActiveProjectsRefusal('NeoScan', ['A', 'B', 'C', 'D', 'E'])).toContain(
      '(«A», «B», «C» and 2 more)',
    );
  });
});
