// Types of the 校对 (checks) panel: what a check reports and the one-click fix it offers.
import type { FlatBlock } from '../plan/flat';
import type { WarningMetaField } from './carried';
import type { NumberingSettings, PlanDocument, RolloverFlag } from '../plan/schema';

export type Severity = 'error' | 'warning' | 'info';

export type MetaPatch = { meta: Partial<PlanDocument['meta']> };

/**
 * A fix is a plain field replacement computed here; the editor applies it as one undoable
 * transaction: `blocks[blockIndex] = { ...blocks[blockIndex], ...patch }`, or for metadata
 * `meta = { ...meta, ...patch.meta }`.
 */
export interface Fix {
  /** Chinese button text, e.g. 改为全角标点 */
  label: string;
  blockIndex: number | null;
  patch: Partial<FlatBlock> | MetaPatch;
}

export interface Check {
  /** Stable: code + block index + a short hash of the offending text. */
  id: string;
  code: string;
  severity: Severity;
  /** Chinese; names the task by its label. */
  message: string;
  /** For the jump; null for metadata. */
  blockIndex: number | null;
  field?: 'title' | 'text' | 'units' | 'meta';
  fix?: Fix;
}

/** A finding the importer made, with what it is about (see carried.ts). */
export interface CarriedWarning {
  code: string;
  message: string;
  /**
   * A metadata field, or a node (by id; by title for blocks without ids), with the fingerprint
   * of its value when the warning was made: shown while the value is unchanged. null: about
   * the whole document or the notice, shown until dismissed.
   */
  anchor: { meta: WarningMetaField; value: string } | { title: string; nodeId?: string; value: string } | null;
}

export interface CheckInput {
  meta: PlanDocument['meta'];
  blocks: FlatBlock[];
  numbering: NumberingSettings;
  /** Ids of checks the drafter dismissed. */
  dismissed?: string[];
  /** Importer findings carried over from the imported document (carryImportWarnings). */
  carried?: CarriedWarning[];
  /** Rollover findings still to be looked at (PlanDocument.flags), see flags.ts. */
  flags?: RolloverFlag[];
}
