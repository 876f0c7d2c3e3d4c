/** The REST calls of evidence files. Types come from shared/ as types only. */
import type { EvidenceDownload, EvidenceItem, EvidenceTargetKind } from '../../../shared/schemas/evidence.ts';
import { request } from '../../api.ts';
import { networkError, toApiError } from '../../errors.ts';

const enc = encodeURIComponent;
const base = (projectId: string) => `/api/projects/${enc(projectId)}`;

/** Sends a file's bytes as they are: the server reads its type from them. */
async function sendFile(path: string, file: File): Promise<EvidenceItem> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'application/octet-stream' },
      body: file,
    });
  } catch (err) {
    throw networkError(err);
  }
  const text = await res.text();
  let payload: unknown = null;
  try {
    payload = text ? JSON.parse(text) : null;
  } catch {
    payload = null;
  }
  if (!res.ok) throw toApiError(res, payload);
  return payload as EvidenceItem;
}

export const evidenceApi = {
  list: (projectId: string, kind: EvidenceTargetKind, targetId: string) =>
    request<{ items: EvidenceItem[] }>(
      'GET',
      `${base(projectId)}/evidence?kind=${enc(kind)}&targetId=${enc(targetId)}`,
    ),
  attach: (projectId: string, kind: EvidenceTargetKind, targetId: string, file: File, teamOnly: boolean) =>
    sendFile(
      `${base(projectId)}/evidence/${enc(kind)}/${enc(targetId)}?name=${enc(file.name)}&teamOnly=${teamOnly}`,
      file,
    ),
  addVersion: (projectId: string, itemId: string, file: File) =>
    sendFile(`${base(projectId)}/evidence-items/${enc(itemId)}/versions?name=${enc(file.name)}`, file),
  setTeamOnly: (projectId: string, itemId: string, teamOnly: boolean) =>
    request<EvidenceItem>('PATCH', `${base(projectId)}/evidence-items/${enc(itemId)}`, { teamOnly }),
  downloads: (projectId: string) =>
    request<{ downloads: EvidenceDownload[] }>('GET', `${base(projectId)}/evidence-downloads`),
  /** a plain link: the browser saves the file, and the server logs the download */
  fileUrl: (projectId: string, versionId: string) =>
    `${base(projectId)}/evidence-versions/${enc(versionId)}/file`,
};
