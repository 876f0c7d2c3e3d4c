/**
 * What each kind of effect does to the live documents. Every one is idempotent: applied twice
 * (a process that died after applying it, before marking it done), it changes nothing the
 * second time: milestones it creates have ids derived from the effect and are created only if
 * absent, and the values it sets are absolute.
 */
import type { ServiceDeps } from '../deps.ts';
import { applyConditionMilestones } from '../gates/condition-milestones.ts';
import { applyRequestMilestone } from '../service-requests/track-with-milestone.ts';
import type { Effect, EffectKind } from './effect.ts';

const appliers: Record<EffectKind, (deps: ServiceDeps, effect: Effect) => Promise<void>> = {
  'gate.conditions': applyConditionMilestones,
  'service_request.milestone': applyRequestMilestone,
};

export function applyEffect(deps: ServiceDeps, effect: Effect): Promise<void> {
  const apply = appliers[effect.kind];
  if (!apply) throw new Error(`No effect of kind "${effect.kind}" is known to this server`);
  return apply(deps, effect);
}
