/**
 * Seeds the catalogue of services (with its handlers), the mentors directory and a short
 * history of service requests (without the demo's history) into the demo cluster, as statements for the demo's one batch.
 */
import type { AuditEntry } from '../../audit/audit-chain.ts';
import type { Db } from '../client.ts';
import {
  hospitalDataOffices,
  mentorProfiles,
  serviceHandlers,
  serviceRequestEvents,
  serviceRequests,
  services,
} from '../schema/index.ts';
import type { Statement } from '../writer.ts';
import { mentorSeeds } from './directory.data.ts';
import { dataHospitals, type RequestSeed, requestSeeds, serviceSeeds } from './services.data.ts';

const DAY_MS = 86_400_000;

export interface SeedIds {
  orgId: (slug: string) => string;
  userId: (key: string) => string;
  projectId: (key: string) => string;
}

export function directorySeed(
  db: Db,
  ids: SeedIds,
  now: Date,
  /** the day the demo is seen: the requests' days count from it */
  present: Date = now,
  /** false: the requests are left to the demo's history (history.ts files them) */
  withRequests = true,
): { statements: Statement[]; audit: AuditEntry[] } {
  const statements: Statement[] = [];
  const audit: AuditEntry[] = [];
  const at = (day: number) => new Date(present.getTime() + day * DAY_MS);
  const serviceIds = new Map(serviceSeeds.map((s) => [s.slug, crypto.randomUUID()]));

  for (const s of serviceSeeds) {
    const id = serviceIds.get(s.slug)!;
    statements.push(
      db.insert(services).values({
        id,
        slug: s.slug,
        kind: s.kind,
        nameEn: s.name.en,
        nameFr: s.name.fr,
        descriptionEn: s.description.en,
        descriptionFr: s.description.fr,
        audienceEn: s.audience.en,
        audienceFr: s.audience.fr,
        requesterKinds: s.requesterKinds,
        form: s.form,
        handlingOrganisationId: s.handlingOrgSlug ? ids.orgId(s.handlingOrgSlug) : null,
        dimension: s.dimension,
        requestKind: s.requestKind ?? 'form',
        active: true,
        createdAt: now,
        updatedAt: now,
      }),
      ...s.handlers.map((who) =>
        db.insert(serviceHandlers).values({ serviceId: id, userId: ids.userId(who) }),
      ),
    );
    audit.push({
      at: now,
      actorId: null,
      actorOrganisationId: null,
      projectId: null,
      entity: 'service',
      entityId: id,
      action: 'create',
      field: null,
      before: null,
      after: { slug: s.slug, kind: s.kind },
      reason: 'demo cluster seed',
    });
  }

  for (const h of dataHospitals)
    for (const who of h.office)
      statements.push(
        db.insert(hospitalDataOffices).values({ hospitalId: ids.orgId(h.slug), userId: ids.userId(who) }),
      );

  for (const m of mentorSeeds)
    statements.push(
      db.insert(mentorProfiles).values({
        userId: ids.userId(m.who),
        headlineEn: m.headline.en,
        headlineFr: m.headline.fr,
        bioEn: m.bio.en,
        bioFr: m.bio.fr,
        expertise: m.expertise,
        languages: m.languages,
        availability: m.availability,
        updatedAt: now,
      }),
    );

  for (const one of withRequests ? requestSeeds.flatMap(perHospital) : []) {
    const { seed: r, hospital, filingId } = one;
    const id = crypto.randomUUID();
    const serviceId = serviceIds.get(r.service);
    if (!serviceId) throw new Error(`Demo data names an unknown service "${r.service}"`);
    const first = r.path[0]!;
    const last = r.path[r.path.length - 1]!;
    const when = (status: string) => r.path.find((p) => p.status === status);
    const decided = when('accepted') ?? when('declined');
    statements.push(
      db.insert(serviceRequests).values({
        id,
        serviceId,
        projectId: ids.projectId(r.project),
        requesterId: ids.userId(r.requester),
        answers: r.answers,
        status: last.status,
        scheduledFor:
          r.scheduledInDays === undefined ? null : at(r.scheduledInDays).toISOString().slice(0, 10),
        milestoneId: null,
        dataHospitalId: hospital ? ids.orgId(hospital) : null,
        dataFilingId: filingId,
        submittedAt: at(first.day),
        decidedAt: decided ? at(decided.day) : null,
        deliveredAt: when('delivered') ? at(when('delivered')!.day) : null,
        updatedAt: at(last.day),
      }),
      ...r.path.map((step, i) =>
        db.insert(serviceRequestEvents).values({
          id: crypto.randomUUID(),
          requestId: id,
          authorId: ids.userId(step.by),
          at: at(step.day),
          fromStatus: i === 0 ? null : r.path[i - 1]!.status,
          toStatus: step.status,
          comment: step.comment ?? null,
        }),
      ),
    );
  }
  return { statements, audit };
}

/** A data-access request seed as one request per named hospital, each on its own path. */
function perHospital(
  r: RequestSeed,
): { seed: RequestSeed; hospital: string | null; filingId: string | null }[] {
  if (!r.perHospital) return [{ seed: r, hospital: null, filingId: null }];
  const filingId = crypto.randomUUID();
  return Object.entries(r.perHospital).map(([hospital, path]) => ({
    seed: { ...r, path: [...r.path, ...path] },
    hospital,
    filingId,
  }));
}
