/** Les textes des revues de passage (`t().gates`), même forme que `gates.en.ts`. */
import type { Messages } from './messages.ts';
import { plural } from './plural.ts';

export const gatesFr: Messages['gates'] = {
  tab: 'Revues de passage',
  title: (gate: string) => `${gate}`,
  intro:
    'Une revue de passage décide si le projet avance. Le porteur la demande quand chaque critère obligatoire est coché avec son justificatif ; les évaluateurs notent et recommandent ; un gestionnaire du cluster signe la décision.',
  loading: 'Chargement des revues…',
  loadError: 'Les revues de passage n’ont pas pu être chargées.',
  archived:
    'Ce projet est archivé : ses revues restent consultables, aucune nouvelle revue ne peut être ouverte.',
  noReview: 'Aucune revue n’est ouverte pour ce passage.',
  criteriaMet: (met: number, done: string, total: string) =>
    plural('fr', met, {
      one: `${done} critère obligatoire sur ${total} coché avec son justificatif`,
      other: `${done} critères obligatoires sur ${total} cochés avec leur justificatif`,
    }),
  missingTitle: 'Il manque encore, avant de pouvoir demander la revue :',
  toCriteria: 'Ouvrir les critères',
  request: 'Demander la revue de passage',
  requesting: 'Demande en cours…',
  requestHint:
    'La demande fige un dossier de revue : le projet tel qu’il est maintenant, conservé sans changement.',
  leadRequests: 'Le porteur du projet demande la revue une fois les critères obligatoires remplis.',
  requested: (who: string, when: string) => `Demandée par ${who} le ${when}`,
  packNote: 'Dossier de revue figé à la demande : les évaluateurs jugent le projet tel qu’il était alors.',
  open: 'Revue ouverte',
  reviewers: 'Évaluateurs',
  reviewersNote: 'Les gestionnaires du cluster évaluent chaque passage ; les mentors, sur invitation.',
  noReviewers: 'Aucun mentor invité pour l’instant.',
  invite: 'Inviter un mentor à évaluer',
  inviteLabel: 'Mentor',
  inviteButton: 'Inviter',
  noMentors: 'Ce projet n’a pas de mentor à inviter.',
  invited: (name: string) => `${name} est invité·e à évaluer.`,
  recommendations: 'Recommandations',
  noRecommendations: 'Aucune recommandation pour l’instant.',
  recommended: (who: string, when: string) => `${who}, ${when}`,
  conflict: 'Conflit d’intérêts déclaré',
  scoresTitle: 'Notes des critères souhaitables',
  score: (n: number) => `${n} / 5`,
  yourRecommendation: 'Votre recommandation',
  scoreLegend: (criterion: string) => `Note pour : ${criterion}`,
  scoreName: (n: number) => ['Non rempli', 'Faible', 'Suffisant', 'Bon', 'Excellent'][n - 1] ?? String(n),
  recommendationLabel: 'Recommandation',
  recommendationNone: 'Choisissez une recommandation…',
  recommendationMissing: 'Choisissez une recommandation\u00a0: aucune n’est choisie à votre place.',
  rationaleLabel: 'Justification',
  rationaleHint: 'Ce sur quoi la décision doit reposer : preuves, risques, points encore ouverts.',
  conflictLabel: 'Conflit d’intérêts',
  conflictHint:
    'Si votre organisation est partenaire de ce projet, indiquez-le ici : le dossier l’affiche avec votre recommandation.',
  submitRecommendation: 'Envoyer la recommandation',
  submittingRecommendation: 'Envoi…',
  recommendationSaved: 'Votre recommandation est enregistrée.',
  decision: 'Décision',
  decideTitle: 'Enregistrer et signer la décision',
  outcomeLabel: 'Issue',
  outcomes: {
    go: 'Go',
    conditional_go: 'Go sous conditions',
    hold: 'En attente',
    recycle: 'À retravailler',
    kill: 'Arrêt',
  },
  outcomeEffects: {
    go: 'Le projet passe à l’étape suivante.',
    conditional_go:
      'Le projet passe à l’étape suivante ; chaque condition devient un jalon confié au porteur.',
    hold: 'Le projet reste à cette étape, en pause jusqu’à la prochaine revue.',
    recycle: 'Le projet reste à cette étape pour reprendre ce que la revue a jugé insuffisant.',
    kill: 'Le projet est arrêté et archivé ; il reste consultable.',
  },
  outcomeMissing:
    'Choisissez l’issue de la revue de passage\u00a0: aucune n’est choisie à votre place. Rien n’a été signé.',
  review: 'Vérifier avant de signer',
  summary: {
    title: 'Ce que la signature va faire',
    intro: 'Vérifiez ce que cette décision va faire. Une fois signée, elle ne pourra jamais être modifiée.',
    outcome: 'Issue',
    stage: 'Étape',
    stageLabel: (n: string, name: string) => `Étape ${n} — ${name}`,
    moves: (from: string, to: string) => `${from} → ${to}`,
    stays: (stage: string) => `Le projet reste à son étape\u00a0: ${stage}.`,
    staysLast: (stage: string) => `Le projet reste à sa dernière étape\u00a0: ${stage}.`,
    stopped: (stage: string) =>
      `Projet arrêté à son étape (${stage})\u00a0: il est archivé, reste consultable et ne peut plus être modifié.`,
    milestones: 'Jalons',
    milestonesFrom: (count: number, stage: string, lead: string | null) =>
      `${count === 1 ? 'Ce jalon est créé' : `Ces ${count} jalons sont créés`} à partir des conditions (${stage}), confiés à ${lead ?? 'le porteur du projet'}\u00a0:`,
    noMilestones: 'Aucun\u00a0: seul un Go sous conditions crée des jalons.',
    rationale: 'Justification',
    signer: 'Signée par',
    withPassword: (name: string) => `${name}, avec votre mot de passe`,
    withPasswordAndCode: (name: string) =>
      `${name}, avec votre mot de passe et le code de votre application d’authentification`,
    withOrganisation: (name: string, org: string) => `${name}, en vous reconnectant auprès de ${org}`,
    back: 'Modifier la décision',
    sign: (outcome: string) => `Signer «\u00a0${outcome}\u00a0»`,
  },
  conditions: 'Conditions',
  conditionTitle: (n: number) => `Condition ${n}`,
  conditionDue: (n: number) => `Échéance de la condition ${n}`,
  addCondition: 'Ajouter une condition',
  removeCondition: (n: number) => `Retirer la condition ${n}`,
  conditionsNeeded: 'Un Go sous conditions énonce au moins une condition.',
  passwordLabel: 'Votre mot de passe',
  signatureMeaning: (name: string) =>
    `En signant, moi, ${name}, j’approuve ceci comme décision de passage. La signature enregistre mon nom, l’heure et cette signification, et ne pourra jamais être modifiée.`,
  sign: 'Signer la décision',
  signing: 'Signature…',
  signed: (outcome: string) => `Décision signée : ${outcome}.`,
  wrongPassword: 'Ce mot de passe n’est pas le bon : rien n’a été signé.',
  tooManyPasswords: (minutes: string) =>
    `Trop de mots de passe erronés pour votre compte : rien n’a été signé. Réessayez dans ${minutes} min.`,
  rationaleRequired: 'Une décision a besoin de sa justification.',
  passwordRequired: 'Saisissez votre mot de passe pour signer.',
  stepUp: {
    go: (org: string) => `Se reconnecter auprès de ${org} pour signer`,
    going: 'Vers la connexion de votre organisation…',
    hint: (org: string) =>
      `Vous vous connectez par ${org}\u00a0: pour signer, ${org} vous demande de vous reconnecter. Votre décision, sa justification et ses conditions sont conservées entre-temps.`,
    ready: (org: string, time: string, outcome: string) =>
      `Authentifié·e auprès de ${org} à ${time} — Signer «\u00a0${outcome}\u00a0»`,
    readyNote: (org: string, time: string) =>
      `Vous vous êtes reconnecté·e auprès de ${org} à ${time}. Signez dans les 10\u00a0minutes.`,
    failed: (org: string) => `${org} ne vous a pas reconnecté·e\u00a0: rien n’a été signé. Réessayez.`,
    refused: (org: string) =>
      `Cette connexion auprès de ${org} ne permet plus de signer (plus de 10\u00a0minutes, ou déjà utilisée)\u00a0: rien n’a été signé. Reconnectez-vous.`,
    tooMany:
      'Vous avez commencé à vous reconnecter auprès de votre organisation plusieurs fois ces 10\u00a0dernières minutes\u00a0: terminez l’une de ces connexions, ou réessayez plus tard.',
    noProof:
      'Votre compte n’a pas de mot de passe, et la connexion de votre organisation ne peut pas confirmer une signature ici\u00a0: vous ne pouvez pas signer cette décision. Adressez-vous au bureau du programme.',
    orPassword: 'Ou signez avec votre mot de passe',
  },
  signedBy: (who: string, when: string) => `Signée par ${who} le ${when}`,
  approvedMeaning: 'approuvée comme décision de passage',
  meaning: (meaning: string) => `Signification : « ${meaning} »`,
  stageMove: (from: string, to: string) => `${from} → ${to}`,
  history: 'Passages décidés',
  noHistory: 'Aucune revue de passage n’a encore été décidée pour ce projet.',
  conditionDueOn: (date: string) => `échéance le ${date}`,
  noDue: 'sans échéance',
  offline: 'Vous êtes hors ligne : les actions de revue attendent la connexion.',
  reviewFor: (gate: string) => `Revue : ${gate}`,
};
