// A suggested change of a task's units (修订, NodeSuggestion 'units') as the words of the units
// parenthetical that stay, go and come: what the draft for opinion writes as w:del / w:ins
// inside “（…）”, and what a returned copy of that file brings back. Whole unit names, the
// 、，； between them and 牵头 / 负责落实 are the pieces, so a reviewer sees “市住建局、” added
// rather than single characters.
import { diffArrays } from 'diff';
import { unitsParenthetical } from '../plan/running-text';
import type { NodeSuggestion, TaskNode } from '../plan/schema';

export interface UnitsChangePiece {
  kind: 'same' | 'deleted' | 'inserted';
  text: string;
}

const PIECES = /牵头|负责落实|负责|[、，；]|[^、，；]+?(?=牵头|负责落实|负责|[、，；]|$)/gu;

/** The units parenthetical's words, without brackets, before and after a units suggestion. */
export function unitsChangeTexts(task: Pick<TaskNode, 'lead' | 'support' | 'unitsText'>, suggestion: NodeSuggestion): { before: string; after: string } | null {
  if (suggestion.type !== 'units' || !suggestion.old) return null;
  const before = unitsParenthetical(suggestion.old);
  const after = unitsParenthetical(task);
  return before === after ? null : { before, after };
}

/** `before` → `after` as pieces in reading order (deleted before inserted where both). */
export function unitsChangePieces(before: string, after: string): UnitsChangePiece[] {
  const out: UnitsChangePiece[] = [];
  for (const part of diffArrays(before.match(PIECES) ?? [], after.match(PIECES) ?? [])) {
    const kind = part.added ? 'inserted' : part.removed ? 'deleted' : 'same';
    const text = part.value.join('');
    const last = out[out.length - 1];
    if (last && last.kind === kind) last.text += text;
    else if (text) out.push({ kind, text });
  }
  return out;
}

/**
 * The whole parenthetical “（…）” as pieces: the brackets stay unmarked, unless the task had no
 * units before (all inserted) or has none after (all deleted). What the draft writes.
 */
export function unitsParentheticalChange(before: string, after: string): UnitsChangePiece[] {
  const pieces = unitsChangePieces(before, after);
  const all = (kind: UnitsChangePiece['kind']) => pieces.every((p) => p.kind === kind);
  const whole: UnitsChangePiece['kind'] = all('inserted') ? 'inserted' : all('deleted') ? 'deleted' : 'same';
  const out: UnitsChangePiece[] = [];
  for (const p of [{ kind: whole, text: '（' }, ...pieces, { kind: whole, text: '）' }]) {
    const last = out[out.length - 1];
    if (last?.kind === p.kind) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}
