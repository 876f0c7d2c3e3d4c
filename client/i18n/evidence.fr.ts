/** Chaînes françaises des pièces justificatives (`t().evidence`) : même forme que `evidence.en.ts`. */
import type { Messages } from './messages.ts';

export const evidenceFr: Messages['evidence'] = {
  files: 'Pièces justificatives',
  filesFor: (target: string) => `Pièces justificatives : ${target}`,
  loading: 'Chargement des pièces justificatives…',
  loadError: 'Les pièces justificatives n’ont pas pu être chargées.',
  empty: 'Aucun fichier joint pour l’instant.',
  attach: 'Joindre un fichier',
  attachFor: (target: string) => `Joindre un fichier à ${target}`,
  newVersion: 'Déposer une nouvelle version',
  newVersionOf: (name: string) => `Déposer une nouvelle version de ${name}`,
  uploading: 'Envoi en cours…',
  uploaded: (name: string) => `${name} joint.`,
  teamOnly: 'Équipe seulement',
  teamOnlyNew: 'Équipe seulement (masqué aux observateurs)',
  teamOnlyFor: (name: string) => `Équipe seulement : masquer ${name} aux observateurs`,
  teamOnlyBadge: 'Équipe seulement',
  version: (n: string) => `v${n}`,
  olderVersions: (count: number, n: string) =>
    count === 1 ? '1 version antérieure' : `${n} versions antérieures`,
  uploadedBy: (who: string, when: string) => `par ${who}, ${when}`,
  download: (name: string, version: string) => `Télécharger ${name}, version ${version}`,
  accepted: 'PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG ou CSV, jusqu’à 20 Mo.',
  tooLarge: 'Ce fichier dépasse 20 Mo : les pièces justificatives sont limitées à 20 Mo.',
  wrongType:
    'Le contenu de ce fichier n’est pas d’un type accepté (PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG ou CSV).',
  uploadFailed: 'Le fichier n’a pas pu être joint.',
  settingFailed: 'Le réglage n’a pas pu être modifié.',
  decisionFiles: 'Pièces sur lesquelles la décision a été signée',
  decisionFile: (name: string, version: string) => `${name} (version ${version})`,
  downloadLog: 'Téléchargements des pièces',
  downloadLogIntro:
    'Qui a téléchargé quelle pièce justificative, et quand. Visible du porteur de projet et des responsables du cluster.',
  downloadLogEmpty: 'Aucune pièce justificative n’a encore été téléchargée.',
  downloadLogLoading: 'Chargement des téléchargements…',
  downloadLogError: 'Les téléchargements n’ont pas pu être chargés.',
  downloadLogLine: (who: string, name: string, version: string, when: string) =>
    `${who} a téléchargé ${name} (version ${version}) ${when}`,
};
