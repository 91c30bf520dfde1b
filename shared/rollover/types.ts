// Shared shapes of the rollover modules: what a text rule sees and what it reports.
import type { RolloverFlag } from '../plan/schema';

export type FlagKind = RolloverFlag['kind'];

/** The years a rule works with. */
export interface RollYears {
  /** The year of the plan rolled from. */
  from: number;
  /** The year of the new draft. */
  to: number;
  /** "Today", for deadlines without a year (3月15日前 is past once the draft is written in April). */
  now: Date;
}

/** A finding inside one string, before it is given a path and an anchor. */
export interface TextFinding {
  kind: FlagKind;
  /** The words flagged, exactly as they stand in the (new) text. */
  text: string;
  /** Offset of `text` in the string. */
  index: number;
  message: string;
}
