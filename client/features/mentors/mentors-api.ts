/** The REST calls of the mentors directory and mentor requests. Types from shared/ only. */
import type {
  CreateMentorRequestBody,
  FocusArea,
  Mentor,
  MentorRequest,
  RespondMentorRequestBody,
} from '../../../shared/directory.ts';
import { request } from '../../api.ts';

export interface MentorFilters {
  q: string;
  expertise: FocusArea | '';
  language: string;
  available: boolean;
}

const enc = encodeURIComponent;

export const mentorsApi = {
  list: (f: MentorFilters) => {
    const search = new URLSearchParams();
    if (f.q.trim()) search.set('q', f.q.trim());
    if (f.expertise) search.set('expertise', f.expertise);
    if (f.language) search.set('language', f.language);
    if (f.available) search.set('available', 'true');
    const qs = search.toString();
    return request<{ mentors: Mentor[] }>('GET', `/api/mentors${qs ? `?${qs}` : ''}`);
  },
  inbox: () => request<{ requests: MentorRequest[] }>('GET', '/api/me/mentor-requests'),
  ask: (projectId: string, body: CreateMentorRequestBody) =>
    request<MentorRequest>('POST', `/api/projects/${enc(projectId)}/mentor-requests`, body),
  respond: (requestId: string, body: RespondMentorRequestBody) =>
    request<MentorRequest>('POST', `/api/mentor-requests/${enc(requestId)}/response`, body),
};
