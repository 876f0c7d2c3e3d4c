/**
 * Plays the demo cluster's eighteen months of history (history.data.ts) through the services
 * the routes call, with the server's clock pinned at each moment (seed-clock.ts): criteria
 * checked and readiness scored in the live documents, gate reviews requested by the leads,
 * mentors' recommendations, decisions signed by the cluster manager, milestones moving on,
 * comment threads with @mentions, service requests filed and answered. So the audit trail, the documents' history, the stages over
 * time, the notifications and the digest all tell the same past, and the chain verifies.
 *
 * The one seeding path past the interactive signature: the manager proves their (published)
 * demo password once, through proveSigner, and that proof signs the demo's past decisions,
 * each stamped with its own time (record-gate-decision.ts, signGateDecision).
 */
import { and, eq, inArray } from 'drizzle-orm';
import type * as Y from 'yjs';
import { projectRoots } from '../../../shared/doc/index.ts';
import { setCriterionCheck, setReadinessLevel } from '../../../shared/doc/write-maturation.ts';
import { updateMilestone } from '../../../shared/doc/write-milestones.ts';
import type { MilestoneStatus } from '../../../shared/domain.ts';
import type { RequestStatus } from '../../../shared/services.ts';
import { type Actor, loadActor } from '../../auth/actor.ts';
import { createComment } from '../../comments/create-comment.ts';
import type { ServiceDeps } from '../../deps.ts';
import { signGateDecision } from '../../gates/record-gate-decision.ts';
import { requestGateReview } from '../../gates/request-gate-review.ts';
import { inviteReviewer, recommend } from '../../gates/review-gate.ts';
import { proveSigner, type SignerProof } from '../../gates/signer-proof.ts';
import { setProjectLevel } from '../../projects/project-level.ts';
import { fileServiceRequest } from '../../service-requests/file-service-request.ts';
import { updateServiceRequest } from '../../service-requests/update-service-request.ts';
import { gateCriteria, organisations, serviceRequests, services, user } from '../schema/index.ts';
import { projects as projectData } from './cluster.data.ts';
import { DEMO_PASSWORD, levelOnTheWay, projectStart, type SeededDemo } from './demo.ts';
import { commentSeeds, HISTORY_DAYS, levelSeeds, projectHistories } from './history.data.ts';
import type { SeedClock } from './seed-clock.ts';
import { type RequestSeed, requestSeeds } from './services.data.ts';
import type { ProjectSeed } from './types.ts';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** One thing that happened, on a day counted from the present. */
interface Moment {
  day: number;
  /** the project it belongs to: moments of different projects on one day may run together */
  project: string;
  run: () => Promise<void>;
}

/** When the demo's history starts, for a demo seen at `present`. */
export function historyStart(present: Date): Date {
  return new Date(present.getTime() - HISTORY_DAYS * DAY_MS);
}

export async function seedDemoHistory(
  deps: ServiceDeps,
  time: SeedClock,
  seeded: SeededDemo,
  present: Date,
): Promise<void> {
  const startOfPresentDay = present.getTime() - (present.getTime() % DAY_MS);
  const actors = await loadActors(deps, seeded);
  const actor = (key: string) => {
    const found = actors.get(key);
    if (!found) throw new Error(`Demo history names an unknown person "${key}"`);
    return found;
  };
  const projectId = (key: string) => seeded.projectIds.get(key)!;
  const milestoneId = (project: string, key: string) => {
    const id = seeded.milestoneIds.get(project)?.get(key);
    if (!id) throw new Error(`Demo history names an unknown milestone "${project}/${key}"`);
    return id;
  };
  const dayOf = (days: number) => new Date(startOfPresentDay + days * DAY_MS).toISOString().slice(0, 10);
  const manager = actor('manager');
  let proof: SignerProof | null = null;
  const signerProof = async (project: string, reviewId: string): Promise<SignerProof> => {
    proof ??= await proveSigner(
      deps,
      manager,
      { projectId: projectId(project), reviewId },
      { password: DEMO_PASSWORD },
      { verify: async () => 'unavailable' },
    );
    return { method: proof.method, authenticatedAt: deps.clock() };
  };

  const moments: Moment[] = [];
  for (const p of projectData) {
    const lead = actor(p.members.find((m) => m.role === 'lead')!.who);
    const mentor = p.members.find((m) => m.role === 'mentor');
    const id = projectId(p.key);
    const history = projectHistories.find((h) => h.project === p.key);
    const { climbs } = projectStart(p);
    const change = (fn: (doc: Y.Doc, at: number) => void, by: Actor = lead) =>
      deps.documents.change(id, by.id, (doc) => fn(doc, deps.clock().getTime()));
    const scoreReadiness = (climbed: number) =>
      change((doc) => {
        for (const [dim, r] of Object.entries(p.readiness))
          setReadinessLevel(doc, dim as never, levelOnTheWay(r.level, climbs, climbed), lead.id);
      });

    let stage = history?.startStage ?? p.stage;
    let climbed = 0;
    let previous: (typeof projectHistories)[number]['gates'][number] | null = null;
    for (const gate of history?.gates ?? []) {
      // the lead says why the gate comes while the last decision's milestones are still open
      const explanation =
        previous?.conditions?.length || previous?.deficiencies?.length
          ? 'The remaining milestones of the last decision are under way and covered in the pack: the committee asked to review them at this gate.'
          : undefined;
      previous = gate;
      const gateStage = stage;
      let reviewId = '';
      const isGo = gate.outcome === 'go' || gate.outcome === 'conditional_go';
      // a project climbs a step before each gate it passes
      const levelsClimbed = climbed + (isGo ? 1 : 0);
      moments.push({
        day: gate.day - 10,
        project: p.key,
        run: async () => {
          await scoreReadiness(levelsClimbed);
          const must = await deps.db
            .select({ id: gateCriteria.id, textEn: gateCriteria.textEn })
            .from(gateCriteria)
            .where(
              and(
                eq(gateCriteria.frameworkId, p.track),
                eq(gateCriteria.stageIndex, gateStage),
                eq(gateCriteria.kind, 'must'),
              ),
            );
          await change((doc) => {
            for (const c of must)
              setCriterionCheck(
                doc,
                c.id,
                { checked: true, evidence: `In the gate pack, section ${must.indexOf(c) + 1}.` },
                lead.id,
              );
          });
        },
      });
      moments.push({
        day: gate.day - 7,
        project: p.key,
        run: async () => {
          reviewId = (await requestGateReview(deps, lead, id, { explanation })).id;
        },
      });
      if (gate.mentor && mentor) {
        const advice = gate.mentor;
        moments.push({
          day: gate.day - 3,
          project: p.key,
          run: async () => {
            const reviewer = actor(mentor.who);
            await inviteReviewer(deps, manager, id, reviewId, reviewer.id);
            await recommend(deps, reviewer, id, reviewId, {
              scores: {},
              recommendation: advice.recommendation,
              rationale: advice.rationale,
            });
          },
        });
      }
      moments.push({
        day: gate.day,
        project: p.key,
        run: async () => {
          await signGateDecision(
            deps,
            manager,
            id,
            reviewId,
            {
              outcome: gate.outcome,
              rationale: gate.rationale,
              conditions: (gate.conditions ?? []).map((c) => ({ title: c.title, due: dayOf(c.dueInDays) })),
              reviewDate: gate.reviewInDays === undefined ? undefined : dayOf(gate.reviewInDays),
              deficiencies: (gate.deficiencies ?? []).map((c) => ({
                title: c.title,
                due: dayOf(c.dueInDays),
              })),
            },
            await signerProof(p.key, reviewId),
          );
        },
      });
      if (isGo) {
        stage++;
        climbed++;
      }
    }
    for (const c of levelSeeds.find((l) => l.project === p.key)?.changes ?? [])
      moments.push({
        day: c.day,
        project: p.key,
        run: async () => {
          await setProjectLevel(deps, lead, id, { level: c.level, evidence: c.evidence });
        },
      });
    // Today's readiness, scored a few weeks ago.
    moments.push({ day: -20, project: p.key, run: () => scoreReadiness(climbs) });
    moments.push(...milestoneMoments(p, lead, (key) => milestoneId(p.key, key), change));
  }

  for (const c of commentSeeds) {
    const id = projectId(c.project);
    const mentionIds = (keys: string[] = []) => keys.map((k) => actor(k).id);
    let threadId = '';
    moments.push({
      day: c.day,
      project: c.project,
      run: async () => {
        threadId = (
          await createComment(deps, actor(c.by), id, {
            milestoneId: milestoneId(c.project, c.milestone),
            body: c.body,
            visibility: 'team',
            mentions: mentionIds(c.mentions),
          })
        ).id;
      },
    });
    for (const r of c.replies ?? [])
      moments.push({
        day: r.day,
        project: c.project,
        run: async () => {
          await createComment(deps, actor(r.by), id, {
            milestoneId: milestoneId(c.project, c.milestone),
            body: r.body,
            visibility: 'team',
            parentId: threadId,
            mentions: mentionIds(r.mentions),
          });
        },
      });
  }

  const serviceIds = new Map(
    (await deps.db.select({ id: services.id, slug: services.slug }).from(services)).map((s) => [
      s.slug,
      s.id,
    ]),
  );
  for (const r of requestSeeds) {
    const serviceId = serviceIds.get(r.service);
    if (!serviceId) throw new Error(`Demo history names an unknown service "${r.service}"`);
    // One filing; a data-access request then goes its own way at each named hospital.
    const requestIds = new Map<string | null, string>();
    const ways: [string | null, RequestSeed['path']][] = r.perHospital
      ? Object.entries(r.perHospital)
      : [[null, r.path.slice(1)]];
    const first = r.path[0]!;
    moments.push({
      day: first.day,
      project: r.project,
      run: async () => {
        const filed = await fileServiceRequest(deps, actor(first.by), projectId(r.project), {
          serviceId,
          answers: r.answers,
        });
        requestIds.set(null, filed.id);
        if (!filed.filingId) return;
        const rows = await deps.db
          .select({ id: serviceRequests.id, hospital: organisations.slug })
          .from(serviceRequests)
          .innerJoin(organisations, eq(organisations.id, serviceRequests.dataHospitalId))
          .where(eq(serviceRequests.dataFilingId, filed.filingId));
        for (const row of rows) requestIds.set(row.hospital, row.id);
      },
    });
    for (const [hospital, path] of ways)
      for (const step of path)
        moments.push({
          day: step.day,
          project: r.project,
          run: async () => {
            const status = step.status as RequestStatus;
            await updateServiceRequest(deps, actor(step.by), requestIds.get(hospital)!, {
              status,
              ...(step.comment ? { comment: step.comment } : {}),
              ...(status === 'scheduled' ? { scheduledFor: dayOf(r.scheduledInDays ?? step.day + 14) } : {}),
            });
          },
        });
  }

  // Day by day; on one day, each project's moments in order, the projects side by side.
  const days = [...new Set(moments.map((m) => m.day))].sort((a, b) => a - b);
  try {
    for (const day of days) {
      time.pin(new Date(startOfPresentDay + day * DAY_MS + 9 * 60 * MINUTE_MS));
      const today = moments.filter((m) => m.day === day);
      const byProject = new Map<string, Moment[]>();
      for (const m of today) byProject.set(m.project, [...(byProject.get(m.project) ?? []), m]);
      await Promise.all(
        [...byProject.values()].map(async (list) => {
          for (const m of list) await m.run();
        }),
      );
    }
  } finally {
    time.release();
  }
}

/**
 * Days late a done milestone was finished: one in three, by its key, a week and a bit after its
 * due day, so the portfolio's slipping milestones have something to show; the others on time.
 */
function lateness(key: string): number {
  let h = 0;
  for (const c of key) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h % 3 === 0 ? 9 : 0;
}

/**
 * Each milestone's way to where it stands today: started some weeks before it is due, done on
 * its due day (or, for one in three, some days after it), turned at risk or blocked a few weeks ago. Moments before the history began
 * are left out (the document starts with them planned).
 */
function milestoneMoments(
  p: ProjectSeed,
  lead: Actor,
  milestoneId: (key: string) => string,
  change: (fn: (doc: Y.Doc, at: number) => void, by?: Actor) => Promise<void>,
): Moment[] {
  const moments: Moment[] = [];
  const move = (day: number, key: string, status: MilestoneStatus) => {
    const when = Math.min(-1, Math.max(-HISTORY_DAYS + 1, day));
    moments.push({
      day: when,
      project: p.key,
      run: () =>
        change((doc, at) => {
          const id = milestoneId(key);
          updateMilestone(doc, id, { status }, lead.id);
          // the writer stamps the wall clock; the seed's moment is the clock's
          projectRoots(doc).milestones.get(id)?.set('updatedAt', at);
        }),
    });
  };
  for (const m of p.milestones) {
    const startDay = Math.min(m.dueInDays - 45, -25);
    if (m.status === 'planned') continue;
    move(startDay, m.key, 'in_progress');
    if (m.status === 'done') move(m.dueInDays + lateness(m.key), m.key, 'done');
    if (m.status === 'at_risk') move(Math.min(m.dueInDays - 10, -8), m.key, 'at_risk');
    if (m.status === 'blocked') move(-14, m.key, 'blocked');
  }
  return moments;
}

async function loadActors(deps: ServiceDeps, seeded: SeededDemo): Promise<Map<string, Actor>> {
  const ids = [...seeded.userIds.values()];
  const rows = await deps.db
    .select({ id: user.id, name: user.name, email: user.email })
    .from(user)
    .where(inArray(user.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const actors = new Map<string, Actor>();
  for (const [key, id] of seeded.userIds) {
    const row = byId.get(id);
    if (row) actors.set(key, await loadActor(deps.db, row));
  }
  return actors;
}
