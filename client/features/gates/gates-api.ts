/** The REST calls of the stage gates. Types come from shared/ as types only. */
import type { z } from 'zod';
import type { DecideBody, GateReview, RecommendBody, StepUpStarted } from '../../../shared/schemas/gates.ts';
import { request } from '../../api.ts';

export type RecommendInput = z.input<typeof RecommendBody>;
export type DecideInput = z.input<typeof DecideBody>;

const enc = encodeURIComponent;
const base = (projectId: string) => `/api/projects/${enc(projectId)}/gates`;

export const gatesApi = {
  list: (projectId: string) => request<{ reviews: GateReview[] }>('GET', base(projectId)),
  request: (projectId: string, body?: { explanation: string }) =>
    request<GateReview>('POST', base(projectId), body),
  invite: (projectId: string, reviewId: string, userId: string) =>
    request<GateReview>('POST', `${base(projectId)}/${enc(reviewId)}/reviewers`, { userId }),
  recommend: (projectId: string, reviewId: string, body: RecommendInput) =>
    request<GateReview>('POST', `${base(projectId)}/${enc(reviewId)}/recommendation`, body),
  /** someone who signs in through their organisation: where to sign in again before signing */
  signInAgain: (projectId: string, reviewId: string) =>
    request<StepUpStarted>('POST', `${base(projectId)}/${enc(reviewId)}/sign-in-again`, {}),
  decide: (projectId: string, reviewId: string, body: DecideInput) =>
    request<GateReview>('POST', `${base(projectId)}/${enc(reviewId)}/decision`, body),
};
