/**
 * The portfolio as a spreadsheet: one row per project the caller may see, filtered by the very
 * rule the portfolio on screen uses, with stage, lead, milestone health and readiness per
 * dimension, headed in the caller's language.
 */
import type { Locale } from '../../shared/domain.ts';
import { applyFilters, type PortfolioFilters } from '../../shared/portfolio-filter.ts';
import type { Actor } from '../auth/actor.ts';
import { frameworkStages, frameworks, readinessDimensions } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { listProjects } from '../projects/list-projects.ts';
import { toCsv } from './csv.ts';

const HEADINGS = {
  en: {
    title: 'Project',
    track: 'Track',
    stage: 'Stage',
    stageName: 'Stage name',
    lead: 'Lead organisation',
    role: 'Your role',
    archived: 'Archived',
    total: 'Milestones',
    done: 'Done',
    overdue: 'Overdue',
    atRisk: 'At risk',
    blocked: 'Blocked',
    updated: 'Last change (UTC)',
    yes: 'yes',
    no: 'no',
    roles: { lead: 'Lead', contributor: 'Contributor', mentor: 'Mentor', observer: 'Observer' },
    manager: 'Cluster manager',
  },
  fr: {
    title: 'Projet',
    track: 'Filière',
    stage: 'Étape',
    stageName: 'Nom de l’étape',
    lead: 'Organisation porteuse',
    role: 'Votre rôle',
    archived: 'Archivé',
    total: 'Jalons',
    done: 'Terminés',
    overdue: 'En retard',
    atRisk: 'À risque',
    blocked: 'Bloqués',
    updated: 'Dernière modification (UTC)',
    yes: 'oui',
    no: 'non',
    roles: { lead: 'Porteur', contributor: 'Contributeur', mentor: 'Mentor', observer: 'Observateur' },
    manager: 'Gestionnaire du cluster',
  },
} as const;

export async function portfolioCsv(
  deps: ServiceDeps,
  actor: Actor,
  filter: PortfolioFilters,
  locale: Locale,
): Promise<string> {
  const h = HEADINGS[locale];
  const [projects, tracks, stages, dimensions] = await Promise.all([
    listProjects(deps, actor, {}).then((all) => applyFilters(all, filter)),
    deps.db.select().from(frameworks),
    deps.db.select().from(frameworkStages),
    deps.db.select().from(readinessDimensions).orderBy(readinessDimensions.position),
  ]);
  const fr = locale === 'fr';
  const trackName = new Map(tracks.map((t) => [t.id, fr ? t.nameFr : t.nameEn]));
  const stageName = new Map(
    stages.map((s) => [`${s.frameworkId}/${s.stageIndex}`, fr ? s.nameFr : s.nameEn]),
  );
  const header = [
    h.title,
    h.track,
    h.stage,
    h.stageName,
    h.lead,
    h.role,
    h.archived,
    h.total,
    h.done,
    h.overdue,
    h.atRisk,
    h.blocked,
    ...dimensions.map((d) => (fr ? d.nameFr : d.nameEn)),
    h.updated,
  ];
  const rows = projects.map((p) => [
    p.title,
    trackName.get(p.track) ?? p.track,
    p.stage,
    stageName.get(`${p.track}/${p.stage}`) ?? '',
    p.leadOrganisation.name,
    p.myRole ? h.roles[p.myRole] : h.manager,
    p.archived ? h.yes : h.no,
    p.health.total,
    p.health.done,
    p.health.overdue,
    p.health.atRisk,
    p.health.blocked,
    ...dimensions.map((d) => p.readiness[d.id] ?? null),
    p.updatedAt.slice(0, 16).replace('T', ' '),
  ]);
  return toCsv([header, ...rows]);
}
