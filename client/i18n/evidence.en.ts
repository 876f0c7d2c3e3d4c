/**
 * English strings of evidence files (`t().evidence`). `evidence.fr.ts` has the same shape. Names,
 * dates and sizes arrive already formatted.
 */
export const evidenceEn = {
  files: 'Evidence files',
  filesFor: (target: string) => `Evidence files for ${target}`,
  loading: 'Loading the evidence files…',
  loadError: 'The evidence files could not be loaded.',
  empty: 'No file attached yet.',
  attach: 'Attach file',
  attachFor: (target: string) => `Attach a file to ${target}`,
  newVersion: 'Upload a new version',
  newVersionOf: (name: string) => `Upload a new version of ${name}`,
  uploading: 'Uploading…',
  uploaded: (name: string) => `${name} attached.`,
  teamOnly: 'Team only',
  teamOnlyNew: 'Team only (hidden from observers)',
  teamOnlyFor: (name: string) => `Team only: hide ${name} from observers`,
  teamOnlyBadge: 'Team only',
  version: (n: string) => `v${n}`,
  olderVersions: (count: number, n: string) => (count === 1 ? '1 earlier version' : `${n} earlier versions`),
  uploadedBy: (who: string, when: string) => `by ${who}, ${when}`,
  download: (name: string, version: string) => `Download ${name}, version ${version}`,
  accepted: 'PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG or CSV, up to 20 MB.',
  tooLarge: 'This file is over 20 MB: evidence files are limited to 20 MB.',
  wrongType:
    'This file’s content is not a type evidence takes (PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG or CSV).',
  uploadFailed: 'The file could not be attached.',
  settingFailed: 'The setting could not be changed.',
  decisionFiles: 'Evidence the decision was signed on',
  decisionFile: (name: string, version: string) => `${name} (version ${version})`,
  downloadLog: 'Evidence downloads',
  downloadLogIntro:
    'Who downloaded which evidence file, and when. Seen by the project lead and cluster managers.',
  downloadLogEmpty: 'No evidence file has been downloaded yet.',
  downloadLogLoading: 'Loading the downloads…',
  downloadLogError: 'The downloads could not be loaded.',
  downloadLogLine: (who: string, name: string, version: string, when: string) =>
    `${who} downloaded ${name} (version ${version}) ${when}`,
};
