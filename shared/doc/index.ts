/**
 * The project document (`project:<id>`): its shape, readers, writers and validation, used by
 * the server (refusing bad updates, projection, seeding) and the client (editors, lists).
 */
export { isOrderKey, keyBetween, keysBetween, MAX_ORDER_KEY_LENGTH } from './order.ts';
export {
  compareByOrder,
  type EntryMap,
  milestoneDescription,
  milestoneTitle,
  type ProjectDocData,
  type ProjectRoots,
  projectRoots,
  readinessEvidence,
  readMaturation,
  readMilestoneById,
  readProjectDoc,
  readTitle,
} from './read.ts';
export { fragmentText } from './rich-text.ts';
export { SeedData, SeedMilestone, seedProjectDoc } from './seed.ts';
export {
  BLANK_TITLE,
  CriterionCheck,
  CriterionId,
  docName,
  ENTRY_SPECS,
  type FieldSpec,
  IsoDate,
  isRootName,
  LIMITS,
  Milestone,
  MilestoneId,
  parseDocName,
  ReadinessEntry,
  ROOTS,
  type RootName,
  Title,
} from './shape.ts';
export { applyAndValidate, type Problem, validateDoc, validateTransaction } from './validate.ts';
export {
  CriterionCheckInput,
  setCriterionCheck,
  setReadinessEvidence,
  setReadinessLevel,
} from './write-maturation.ts';
export {
  createMilestone,
  createMilestoneWithId,
  deleteMilestone,
  MilestoneInput,
  MilestonePatch,
  type MoveTarget,
  makeTitleText,
  moveMilestone,
  setMilestoneDependencies,
  typeMilestoneTitle,
  updateMilestone,
} from './write-milestones.ts';
