/** Stage gates: thin routes over the gate use cases. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { ErrorBody } from '../../shared/errors.ts';
import {
  CommitteeBody,
  ConflictDeclaration,
  DecideBody,
  DeclareConflictBody,
  GateReview,
  GateSigning,
  InviteReviewerBody,
  ProjectGates,
  RecommendBody,
  RequestGateBody,
  StepUpStarted,
} from '../../shared/schemas/gates.ts';
import { requireProjectAction } from '../auth/access.ts';
import type { Auth } from '../auth/auth.ts';
import { sessionSecondFactor } from '../auth/second-factor.ts';
import type { ServiceDeps } from '../deps.ts';
import { maySeeTeamOnly, withoutTeamOnlyEvidence } from '../evidence/evidence.rules.ts';
import { requireActor } from '../http/context.ts';
import { createRouter, errors, IdParam, json, jsonBody } from '../http/router.ts';
import { setCommittee } from './committee.ts';
import { declareConflict, myConflicts, withdrawConflict } from './conflicts.ts';
import { setGateSigning } from './gate-signing.ts';
import { loadGateReviews } from './gate-view.ts';
import { currentThresholds } from './readiness-thresholds.ts';
import { recordGateDecision } from './record-gate-decision.ts';
import { requestGateReview } from './request-gate-review.ts';
import { inviteReviewer, recommend } from './review-gate.ts';
import { startSignerStepUp } from './start-signer-step-up.ts';

const ReviewParams = IdParam.extend({ reviewId: z.string().min(1).max(64) });

export function gateRoutes(deps: ServiceDeps & { auth: Auth }) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/projects/{id}/gates',
        tags: ['gates'],
        summary:
          "A project's gate reviews, newest first, with recommendations and signed decisions; and the readiness thresholds of the gate ahead, met or not by the current scores",
        request: { params: IdParam },
        responses: { 200: json(ProjectGates, 'Reviews and thresholds'), ...errors },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const { roles, project } = await requireProjectAction(deps, requireActor(c), id, 'project.view');
        const [reviews, thresholds] = await Promise.all([
          loadGateReviews(deps.db, id),
          currentThresholds(deps, project),
        ]);
        return c.json(
          { reviews: maySeeTeamOnly(roles) ? reviews : withoutTeamOnlyEvidence(reviews), thresholds },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/projects/{id}/gates',
        tags: ['gates'],
        summary:
          'Request the review of the next gate (lead); freezes the gate pack. While milestones of the previous decision are open, the lead explains why (recorded in the review)',
        request: {
          params: IdParam,
          body: { content: { 'application/json': { schema: RequestGateBody } }, required: false },
        },
        responses: {
          201: json(GateReview, 'The open review'),
          409: json(z.any(), 'Criteria missing, a review is open, or conditions open without an explanation'),
          ...errors,
        },
      }),
      async (c) =>
        c.json(
          await requestGateReview(deps, requireActor(c), c.req.valid('param').id, c.req.valid('json') ?? {}),
          201,
        ),
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/projects/{id}/gates/{reviewId}/committee',
        tags: ['gates'],
        summary:
          'Set the committee of an open review: a chair (cluster manager), members (cluster managers or people of the project), a quorum and a deadline (cluster manager)',
        request: { params: ReviewParams, ...jsonBody(CommitteeBody) },
        responses: { 200: json(GateReview, 'The review'), ...errors },
      }),
      async (c) => {
        const { id, reviewId } = c.req.valid('param');
        return c.json(await setCommittee(deps, requireActor(c), id, reviewId, c.req.valid('json')), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/me/conflicts',
        tags: ['gates'],
        summary: 'The conflicts of interest I declared, one per organisation',
        responses: { 200: json(z.object({ conflicts: z.array(ConflictDeclaration) }), 'Mine'), ...errors },
      }),
      async (c) => c.json({ conflicts: await myConflicts(deps, requireActor(c)) }, 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/me/conflicts',
        tags: ['gates'],
        summary:
          'Declare a conflict of interest with an organisation: excludes me from the gate committees of its projects',
        request: jsonBody(DeclareConflictBody),
        responses: { 200: json(z.object({ conflicts: z.array(ConflictDeclaration) }), 'Mine'), ...errors },
      }),
      async (c) =>
        c.json({ conflicts: await declareConflict(deps, requireActor(c), c.req.valid('json')) }, 200),
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/me/conflicts/{id}',
        tags: ['gates'],
        summary: 'Withdraw my declaration for this organisation (its id)',
        request: { params: IdParam },
        responses: { 200: json(z.object({ conflicts: z.array(ConflictDeclaration) }), 'Mine'), ...errors },
      }),
      async (c) =>
        c.json({ conflicts: await withdrawConflict(deps, requireActor(c), c.req.valid('param').id) }, 200),
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/frameworks/{id}/gate-signing',
        tags: ['gates'],
        summary:
          "Who signs a gate decision of a review with a committee, for the framework's every version: the chair, or every member (cluster manager)",
        request: { params: IdParam, ...jsonBody(z.object({ signing: GateSigning }).strict()) },
        responses: {
          200: json(z.object({ frameworkId: z.string(), signing: GateSigning }), 'Set'),
          ...errors,
        },
      }),
      async (c) =>
        c.json(
          await setGateSigning(deps, requireActor(c), c.req.valid('param').id, c.req.valid('json').signing),
          200,
        ),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/projects/{id}/gates/{reviewId}/reviewers',
        tags: ['gates'],
        summary: 'Invite a mentor of the project to review (cluster manager)',
        request: { params: ReviewParams, ...jsonBody(InviteReviewerBody) },
        responses: { 200: json(GateReview, 'The review'), ...errors },
      }),
      async (c) => {
        const { id, reviewId } = c.req.valid('param');
        return c.json(
          await inviteReviewer(deps, requireActor(c), id, reviewId, c.req.valid('json').userId),
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/projects/{id}/gates/{reviewId}/recommendation',
        tags: ['gates'],
        summary: 'Score the should-meet criteria and recommend (reviewers)',
        request: { params: ReviewParams, ...jsonBody(RecommendBody) },
        responses: { 200: json(GateReview, 'The review'), ...errors },
      }),
      async (c) => {
        const { id, reviewId } = c.req.valid('param');
        return c.json(await recommend(deps, requireActor(c), id, reviewId, c.req.valid('json')), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/projects/{id}/gates/{reviewId}/sign-in-again',
        tags: ['gates'],
        summary:
          'To sign the decision, someone who signs in through their organisation signs in again there (cluster manager): answers where to send the browser, and the step-up the decision then carries instead of a password (valid 10 minutes, once)',
        request: { params: ReviewParams },
        responses: { 200: json(StepUpStarted, 'Go to the identity provider'), ...errors },
      }),
      async (c) => {
        const { id, reviewId } = c.req.valid('param');
        const { started, setCookies } = await startSignerStepUp(
          deps,
          requireActor(c),
          { projectId: id, reviewId },
          c.req.raw.headers,
        );
        // The plugin's signed state cookie, checked when the provider sends the browser back.
        for (const cookie of setCookies) c.header('set-cookie', cookie, { append: true });
        return c.json(started, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/projects/{id}/gates/{reviewId}/decision',
        tags: ['gates'],
        summary:
          'Record and sign the decision (cluster manager; re-enter your password, and the code of your authenticator app when two-factor authentication is on; or carry the step-up after signing in again at your organisation)',
        request: { params: ReviewParams, ...jsonBody(DecideBody) },
        responses: {
          200: json(GateReview, 'The decided review'),
          ...errors,
          429: json(
            ErrorBody,
            'Too many wrong passwords or codes for this account: try again after Retry-After seconds',
          ),
        },
      }),
      async (c) => {
        const { id, reviewId } = c.req.valid('param');
        const actor = requireActor(c);
        const secondFactor = sessionSecondFactor(deps.auth, actor, c.req.raw.headers);
        return c.json(
          await recordGateDecision(deps, actor, id, reviewId, c.req.valid('json'), secondFactor),
          200,
        );
      },
    );
}
