// Checking a draft against the level above (compareUpperDraft, applyDecisions) and against
// last year or an earlier version (diffPlans). Pure: no node:*, no DOM.
export {
  compareUpperDraft,
  applyDecisions,
  comparisonJson,
  resolveKey,
  LINK_MIN,
  MUTUAL_MIN,
  NEAR,
  RELATIVE,
  STRONG,
  PARTIAL_DRAFT_IN,
  PARTIAL_UPPER_IN,
  PART_TAKEN,
  PART_LEFT_OUT,
  MAX_LINKS,
  type Comparison,
  type CompareOptions,
  type Decision,
  type Link,
  type SectionCoverage,
  type Status,
  type UpperResult,
} from './compare';
export { diffPlans, redline, MATCH_MIN, type PlanDiff, type TaskChange, type TaskRef, type RedlinePart, type DiffOptions } from './diff';
export { sharedPhrases } from './phrases';
export { compareTargets, findingSeverity, type TargetFinding, type FindingKind, type FindingAspect } from './targets';
export {
  coverageTableRows,
  findingTitle,
  findingReason,
  findingQuotes,
  findingLines,
  findingBadge,
  linkReason,
  linkReasonPieces,
  leftOutLine,
  partialParts,
  splitNote,
  mergeNote,
  STATUS_LABEL,
  type CoverageTableRow,
  type ReasonPiece,
} from './coverage-table';
export { normalizeLevels, normalizeUnit, placeNames } from './text';
export { taskUnits, paragraphUnits, titleKey, type CompareUnit } from './units';
