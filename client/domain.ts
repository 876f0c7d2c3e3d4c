/**
 * Domain constants the client needs at run time. shared/domain.ts holds them too but imports
 * zod, which the client must not bundle; the types below fail to compile if the two drift.
 */
import type { STAGE_COUNT as SharedStageCount } from '../shared/vocabularies.ts';

export const STAGE_COUNT: typeof SharedStageCount = 6;

export const STAGE_INDEXES = Array.from({ length: STAGE_COUNT }, (_, i) => i);
