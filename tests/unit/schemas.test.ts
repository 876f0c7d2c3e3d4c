import { describe, expect, it } from 'vitest';
import { MilestoneStatus, ProjectRole } from '../../shared/domain.ts';
import { AddMemberBody } from '../../shared/schemas/members.ts';
import { CreateProjectBody, ProjectListQuery, UpdateProjectBody } from '../../shared/schemas/projects.ts';

describe('request schemas', () => {
  const valid = { title: 'CAR-T against mesothelin', track: 'therapeutics', leadOrganisationId: 'org-1' };

  it('accepts a minimal new project and fills defaults', () => {
    const parsed = CreateProjectBody.parse(valid);
    expect(parsed).toMatchObject({
      summary: '',
      partners: [],
      listedInDirectory: false,
      stage: 0,
      members: [],
    });
    expect(CreateProjectBody.parse({ ...valid, stage: 3 }).stage).toBe(3);
  });

  it.each([
    [{ ...valid, title: '   ' }, 'title'],
    [{ ...valid, title: 'x'.repeat(201) }, 'title'],
    [{ ...valid, track: '' }, 'track'],
    [{ ...valid, leadOrganisationId: undefined }, 'leadOrganisationId'],
    [{ ...valid, partners: [{ organisationId: 'o', role: 'sponsor' }] }, 'partners.0.role'],
    [{ ...valid, stage: 6 }, 'stage'],
    [{ ...valid, owner: 'me' }, ''],
    [
      {
        ...valid,
        members: [
          { email: 'ana@example.org', role: 'observer' },
          { email: 'Ana@Example.org', role: 'lead' },
        ],
      },
      'members',
    ],
    [{ ...valid, members: [{ email: 'not-an-address', role: 'lead' }] }, 'members.0.email'],
    [
      {
        ...valid,
        partners: [
          { organisationId: 'o', role: 'funder' },
          { organisationId: 'o', role: 'platform' },
        ],
      },
      'partners',
    ],
  ])('refuses %j (at %s)', (body, path) => {
    const result = CreateProjectBody.safeParse(body);
    expect(result.success).toBe(false);
    if (!result.success && path) expect(result.error.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it('refuses an empty update', () => {
    expect(UpdateProjectBody.safeParse({}).success).toBe(false);
    expect(UpdateProjectBody.safeParse({ summary: 'New' }).success).toBe(true);
  });

  it('normalises invitation e-mails and refuses non-addresses and unknown roles', () => {
    expect(AddMemberBody.parse({ email: ' Ana@Example.ORG ', role: 'mentor' }).email).toBe('ana@example.org');
    expect(AddMemberBody.safeParse({ email: 'not-an-address', role: 'mentor' }).success).toBe(false);
    expect(AddMemberBody.safeParse({ email: 'a@b.fr', role: 'owner' }).success).toBe(false);
  });

  it('parses list filters from query strings', () => {
    expect(ProjectListQuery.parse({ stage: '3', mine: 'true' })).toEqual({ stage: 3, mine: true });
    expect(ProjectListQuery.safeParse({ stage: '9' }).success).toBe(false);
  });

  it('knows its vocabularies: an unknown status or role is not one', () => {
    expect(MilestoneStatus.safeParse('at_risk').success).toBe(true);
    expect(MilestoneStatus.safeParse('late').success).toBe(false);
    expect(ProjectRole.options).toEqual(['lead', 'contributor', 'mentor', 'observer']);
  });
});
