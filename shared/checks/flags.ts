// Rollover flags (shared/rollover) in the checks panel. A flag is anchored to the title of the
// task or heading it sits in, like carried importer warnings (carried.ts), so it follows the
// task when the drafter moves it; it disappears once its words are no longer there (edited)
// or, for a target, once the target is confirmed. Ids hash the anchor and the words, not the
// position, so a dismissal survives moves (runChecks matches dismissals by code + hash).
// Severity: warning for everything a person must read; info for target-unconfirmed, because
// every carried target gets one (dozens per plan) and the editor already marks each 待确认.
import type { RolloverFlag } from '../plan/schema';
import { check, nameOf, type Ctx } from './context';
import { fullWidthPunctuation } from './punctuation';
import type { Check } from './types';

/** Punctuation width and spaces do not count (same rule as carried.ts). */
function norm(s: string): string {
  return fullWidthPunctuation(s).text.replace(/\s+/g, '');
}

/** Block indices a flag may sit in: its anchor block and the paragraphs right after it. */
function candidates(ctx: Ctx, anchor: string | undefined): number[] {
  const out: number[] = [];
  if (anchor === undefined) {
    ctx.blocks.forEach((b, i) => b.type === 'paragraph' && out.push(i));
    return out;
  }
  const a = norm(anchor);
  ctx.blocks.forEach((b, i) => {
    if (b.type === 'paragraph' || norm(b.title) !== a) return;
    out.push(i);
    for (let j = i + 1; j < ctx.blocks.length && ctx.blocks[j]!.type === 'paragraph'; j++) out.push(j);
  });
  return out;
}

function locate(ctx: Ctx, flag: RolloverFlag): { index: number; field: Check['field'] } | null {
  const words = norm(flag.text);
  // By the node's id when the flag has one and the block is there (issue 14); the title
  // anchor is for flags written before ids, and for blocks whose id the editor replaced.
  const byId = flag.nodeId ? ctx.blocks.findIndex((b) => b.id === flag.nodeId) : -1;
  for (const i of byId >= 0 ? [byId] : flag.nodeId && ctx.blocks.some((b) => b.id) ? [] : candidates(ctx, flag.anchor)) {
    const b = ctx.blocks[i]!;
    if (flag.kind === 'target-unconfirmed') {
      if (b.type === 'paragraph') continue;
      if ((b.targets ?? []).some((t) => t.unconfirmed === true && norm(t.text) === words)) return { index: i, field: 'text' };
      continue;
    }
    if (b.type === 'paragraph') {
      if (norm(b.text).includes(words)) return { index: i, field: 'text' };
      continue;
    }
    if (norm(b.title).includes(words)) return { index: i, field: 'title' };
    if (norm(b.text ?? '').includes(words)) return { index: i, field: 'text' };
  }
  return null;
}

export function flagChecks(ctx: Ctx): Check[] {
  const out: Check[] = [];
  for (const flag of ctx.input.flags ?? []) {
    const code = `rollover-${flag.kind}`;
    const severity = flag.kind === 'target-unconfirmed' ? 'info' : 'warning';
    const offending = `${flag.anchor ?? ''}|${flag.text}`;
    if (!flag.path.startsWith('body')) {
      // Metadata: shown while the words are still in a title; the notice is not part of the
      // check input, so its flags stay until dismissed.
      const meta = ctx.input.meta;
      const metaTexts = [meta.title, meta.noticeTitle ?? '', meta.summary ?? ''].map(norm);
      if (flag.path === 'meta' && !metaTexts.some((t) => t.includes(norm(flag.text)))) continue;
      const where = flag.path === 'notice' ? '通知正文' : '标题';
      out.push(check(code, severity, null, offending, `${where}：${flag.message}`, { field: 'meta' }));
      continue;
    }
    const at = locate(ctx, flag);
    if (!at) continue;
    out.push(check(code, severity, at.index, offending, `${nameOf(ctx, at.index).trimEnd()}：${flag.message}`, { field: at.field }));
  }
  return out;
}
