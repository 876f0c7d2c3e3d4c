/**
 * The digest as one self-contained, accessible HTML document (the page in the app and the
 * e-mail are the same): a language attribute, headings per project and per kind of change,
 * lists, real links, inline styles only (mail clients drop style sheets), every value escaped.
 */
import type { Locale } from '../../shared/domain.ts';
import type { DigestModel, DigestProject } from './digest-model.ts';

interface Words {
  title: string;
  hello: (name: string) => string;
  period: (from: string, to: string) => string;
  nothing: string;
  observerNote: string;
  stage: string;
  readiness: string;
  milestones: string;
  comments: string;
  gates: string;
  stageMoved: (from: string, to: string) => string;
  levelSet: (dimension: string, from: number | null, to: number | null) => string;
  created: (title: string) => string;
  deleted: (title: string) => string;
  status: (title: string, from: string, to: string) => string;
  commentOn: (milestone: string) => string;
  requested: string;
  decided: (outcome: string) => string;
  by: (name: string) => string;
  stages: string[];
  statuses: Record<string, string>;
  outcomes: Record<string, string>;
  footer: string;
}

const words: Record<Locale, Words> = {
  en: {
    title: 'Your week on Jalon',
    hello: (name) => `Hello ${name}, here is what changed on your projects.`,
    period: (from, to) => `From ${from} to ${to}`,
    nothing: 'Nothing changed on your projects this week.',
    observerNote: 'As a partner, you see stage and readiness changes.',
    stage: 'Stage',
    readiness: 'Readiness',
    milestones: 'Milestones',
    comments: 'Comments',
    gates: 'Gate reviews',
    stageMoved: (from, to) => `Moved from ${from} to ${to}`,
    levelSet: (d, from, to) =>
      from === null ? `${d}: scored ${to ?? '—'}/9` : `${d}: ${from}/9 → ${to ?? '—'}/9`,
    created: (t) => `New milestone “${t}”`,
    deleted: (t) => `Milestone “${t}” removed`,
    status: (t, from, to) => `“${t}”: ${from} → ${to}`,
    commentOn: (m) => (m ? `On “${m}”` : 'Comment'),
    requested: 'Gate review requested',
    decided: (o) => `Gate decision: ${o}`,
    by: (n) => `by ${n}`,
    stages: ['Intake', 'Proof of concept', 'Maturation', 'IND/CTA-enabling', 'Early clinical', 'Late stage'],
    statuses: {
      planned: 'Planned',
      in_progress: 'In progress',
      at_risk: 'At risk',
      blocked: 'Blocked',
      done: 'Done',
    },
    outcomes: { go: 'Go', conditional_go: 'Conditional Go', hold: 'Hold', recycle: 'Recycle', kill: 'Kill' },
    footer:
      'You receive this digest because you are a member of these projects. Change it in Jalon, under Notifications › Preferences.',
  },
  fr: {
    title: 'Votre semaine sur Jalon',
    hello: (name) => `Bonjour ${name}, voici ce qui a changé sur vos projets.`,
    period: (from, to) => `Du ${from} au ${to}`,
    nothing: 'Rien n’a changé sur vos projets cette semaine.',
    observerNote: 'En tant que partenaire, vous voyez les changements d’étape et de maturité.',
    stage: 'Étape',
    readiness: 'Maturité',
    milestones: 'Jalons',
    comments: 'Commentaires',
    gates: 'Revues de passage',
    stageMoved: (from, to) => `Passé de ${from} à ${to}`,
    levelSet: (d, from, to) =>
      from === null ? `${d} : évalué ${to ?? '—'}/9` : `${d} : ${from}/9 → ${to ?? '—'}/9`,
    created: (t) => `Nouveau jalon « ${t} »`,
    deleted: (t) => `Jalon « ${t} » supprimé`,
    status: (t, from, to) => `« ${t} » : ${from} → ${to}`,
    commentOn: (m) => (m ? `Sur « ${m} »` : 'Commentaire'),
    requested: 'Revue de passage demandée',
    decided: (o) => `Décision de passage : ${o}`,
    by: (n) => `par ${n}`,
    stages: [
      'Accueil',
      'Preuve de concept',
      'Maturation',
      'Préclinique réglementaire',
      'Clinique précoce',
      'Phase avancée',
    ],
    statuses: {
      planned: 'Prévu',
      in_progress: 'En cours',
      at_risk: 'À risque',
      blocked: 'Bloqué',
      done: 'Terminé',
    },
    outcomes: {
      go: 'Go',
      conditional_go: 'Go sous conditions',
      hold: 'En attente',
      recycle: 'À retravailler',
      kill: 'Arrêt',
    },
    footer:
      'Vous recevez ce résumé parce que vous êtes membre de ces projets. Réglez-le dans Jalon, sous Notifications › Préférences.',
  },
};

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const e = escapeHtml;

export function digestSubject(model: DigestModel): string {
  return `${words[model.locale].title} · ${model.week}`;
}

export function renderDigestHtml(model: DigestModel, publicUrl: string): string {
  const w = words[model.locale];
  const day = (d: Date) =>
    new Intl.DateTimeFormat(model.locale === 'fr' ? 'fr-FR' : 'en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(d);
  const lastDay = new Date(model.to.getTime() - 1);
  const body = model.projects.length
    ? model.projects.map((p) => projectSection(p, model, publicUrl)).join('\n')
    : `<p style="color:#4b5563">${e(w.nothing)}</p>`;
  return `<!doctype html>
<html lang="${model.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<base target="_top">
<title>${e(digestSubject(model))}</title>
</head>
<body style="margin:0;padding:0;background:#f6f7f9;color:#111827;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;line-height:1.5">
<main style="max-width:640px;margin:0 auto;padding:24px 20px">
<h1 style="font-size:1.5rem;margin:0 0 4px">${e(w.title)}</h1>
<p style="margin:0 0 4px;color:#374151">${e(w.period(day(model.from), day(lastDay)))} · ${e(model.week)}</p>
<p style="margin:0 0 20px;color:#374151">${e(w.hello(model.userName))}</p>
${body}
<p style="margin-top:28px;font-size:0.85rem;color:#4b5563">${e(w.footer)}</p>
</main>
</body>
</html>`;
}

function projectSection(p: DigestProject, model: DigestModel, publicUrl: string): string {
  const w = words[model.locale];
  const id = `p-${p.id.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const stageName = (i: number) => w.stages[i] ?? String(i);
  const by = (name: string | null) => (name ? ` <span style="color:#4b5563">${e(w.by(name))}</span>` : '');
  const list = (heading: string, items: string[]) =>
    items.length
      ? `<h3 style="font-size:1rem;margin:14px 0 4px">${e(heading)}</h3>\n<ul style="margin:0;padding-left:20px">${items.map((i) => `<li>${i}</li>`).join('')}</ul>`
      : '';
  const status = (s: string | undefined) => w.statuses[s ?? ''] ?? s ?? '';
  const parts = [
    list(
      w.stage,
      p.stage.map((s) => e(w.stageMoved(stageName(s.from), stageName(s.to))) + by(s.by)),
    ),
    list(
      w.readiness,
      p.readiness.map(
        (r) => e(w.levelSet(model.dimensionNames.get(r.dimension) ?? r.dimension, r.from, r.to)) + by(r.by),
      ),
    ),
    list(
      w.milestones,
      p.milestones.map(
        (m) =>
          e(
            m.change === 'created'
              ? w.created(m.title)
              : m.change === 'deleted'
                ? w.deleted(m.title)
                : w.status(m.title, status(m.from), status(m.to)),
          ) + by(m.by),
      ),
    ),
    list(
      w.comments,
      p.comments.map(
        (c) =>
          `${e(w.commentOn(c.milestone))}${by(c.by)}<br><span style="color:#374151">${e(c.excerpt)}</span>`,
      ),
    ),
    list(
      w.gates,
      p.gates.map(
        (g) =>
          e(
            g.change === 'requested'
              ? w.requested
              : w.decided(w.outcomes[g.outcome ?? ''] ?? g.outcome ?? ''),
          ) + by(g.by),
      ),
    ),
  ];
  const note =
    p.audience === 'observer'
      ? `<p style="margin:4px 0 0;font-size:0.85rem;color:#4b5563">${e(w.observerNote)}</p>`
      : '';
  return `<section aria-labelledby="${id}" style="background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:16px 18px;margin:0 0 16px">
<h2 id="${id}" style="font-size:1.15rem;margin:0"><a href="${e(`${publicUrl}/projects/${encodeURIComponent(p.id)}`)}" style="color:#1d4ed8">${e(p.title)}</a></h2>
${note}
${parts.filter(Boolean).join('\n')}
</section>`;
}
