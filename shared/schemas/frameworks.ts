/** Maturation frameworks: levels, stages with their gate criteria, and readiness dimensions. */
import { z } from 'zod';
import { Stage } from '../domain.ts';
import { Bilingual, Id } from './common.ts';

export const FrameworkLevel = z.object({ level: z.number(), title: Bilingual, description: Bilingual });
export const GateCriterion = z.object({
  id: Id,
  key: z.string(),
  kind: z.enum(['must', 'should']),
  text: Bilingual,
});
export const FrameworkStage = z.object({
  index: Stage,
  key: z.string(),
  name: Bilingual,
  minLevel: z.number(),
  maxLevel: z.number(),
  gateName: Bilingual,
  criteria: z.array(GateCriterion),
});
export const Framework = z.object({
  id: z.string(),
  /** the id of the framework's first version: what "track" means across versions */
  lineage: z.string(),
  version: z.number().int(),
  /** false when a newer version of the same lineage exists: new projects start on the current one */
  current: z.boolean(),
  name: Bilingual,
  description: Bilingual,
  levels: z.array(FrameworkLevel),
  stages: z.array(FrameworkStage),
});
export type Framework = z.infer<typeof Framework>;
export const ReadinessDimension = z.object({
  id: z.string(),
  name: Bilingual,
  description: Bilingual,
  levels: z.array(z.object({ level: z.number(), text: Bilingual })),
});
export const FrameworkCatalogue = z.object({
  frameworks: z.array(Framework),
  dimensions: z.array(ReadinessDimension),
});
export type FrameworkCatalogue = z.infer<typeof FrameworkCatalogue>;
