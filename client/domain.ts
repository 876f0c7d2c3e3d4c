/** Domain constants the client derives at run time from the shared vocabularies (no zod). */
import { STAGE_COUNT } from '../shared/vocabularies.ts';

export { STAGE_COUNT };

export const STAGE_INDEXES = Array.from({ length: STAGE_COUNT }, (_, i) => i);
