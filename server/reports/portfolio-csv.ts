/**
 * The portfolio as a spreadsheet: one row per project the caller may see, filtered by the very
 * rule the portfolio on screen uses, with stage, lead, milestone health and readiness per
 * dimension, headed in the caller's language, its times in the caller's time zone.
 */
import type { Locale } from '../../shared/domain.ts';
import { applyFilters, type PortfolioFilters } from '../../shared/portfolio-filter.ts';
import type { Actor } from '../auth/actor.ts';
import { frameworkStages, frameworks, readinessDimensions } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { listProjects } from '../projects/list-projects.ts';
import { csvDialect, toCsv } from './csv.ts';

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
    average: 'Average readiness',
    updated: (zone: string) => `Last change (${zone})`,
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
    average: 'Maturité moyenne',
    updated: (zone: string) => `Dernière modification (${zone})`,
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
  reader: { locale: Locale; timeZone: string },
): Promise<string> {
  const { locale, timeZone } = reader;
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
    h.average,
    ...dimensions.map((d) => (fr ? d.nameFr : d.nameEn)),
    h.updated(timeZone),
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
    averageReadiness(dimensions.map((d) => p.readiness[d.id])),
    ...dimensions.map((d) => p.readiness[d.id] ?? null),
    minuteIn(timeZone, p.updatedAt),
  ]);
  return toCsv([header, ...rows], csvDialect(locale));
}

/** The mean of the scored dimensions, to one decimal, as the portfolio's radar states it; none scored: empty. */
function averageReadiness(levels: readonly (number | undefined)[]): number | null {
  const scored = levels.filter((l): l is number => l !== undefined);
  if (scored.length === 0) return null;
  return Math.round((scored.reduce((a, b) => a + b, 0) / scored.length) * 10) / 10;
}

/** 'YYYY-MM-DD HH:mm' in the reader's zone: a form every spreadsheet sorts, in either language. */
function minuteIn(timeZone: string, iso: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}
