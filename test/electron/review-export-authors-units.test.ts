// Issue 19 (review export): reviewers named as Word shows them — “王五（县住建局）” — and a
// suggested change of a task's units as a tracked change inside the units parenthetical.
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { exportReviewDocx } from '../../electron/review/export-review-docx';
import { readReturnedDocx } from '../../electron/review/read-returned-docx';
import { splitAuthor } from '../../shared/review/sender';
import { reviewedPlan } from './review-helpers';

const part = (bytes: Uint8Array, name: string) => strFromU8(unzipSync(bytes)[name]!);
const authorsOf = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<w:${tag} [^>]*w:author="([^"]*)"`, 'g'))].map((m) => m[1]!);

describe('reviewer identity in Word', () => {
  it('writes comment and revision authors as 姓名（单位） when the person has a unit, and reads them back so', async () => {
    const { doc, threads } = reviewedPlan();
    const bytes = await exportReviewDocx(doc, threads);
    const comments = authorsOf(part(bytes, 'word/comments.xml'), 'comment');
    // 张三 of 市住建局 (first comment), 安委办 and 张三 without a unit, 李四, 王五, 赵六.
    expect(comments.sort()).toEqual(['张三（市住建局）', '安委办', '张三', '李四', '王五', '赵六'].sort());
    const document = part(bytes, 'word/document.xml');
    expect(authorsOf(document, 'ins')).toContain('李四（市应急局）');
    expect(authorsOf(document, 'del')).toContain('王五（市教育局）');
    expect(authorsOf(document, 'del')).toContain('赵六');
    const back = await readReturnedDocx('r.docx', bytes);
    const ins = back.items.find((i) => i.kind === 'insertion')!;
    expect(splitAuthor(ins.author)).toEqual({ name: '李四', unit: '市应急局' });
    const first = back.items.find((i) => i.kind === 'comment' && i.author.startsWith('张三'))!;
    expect(splitAuthor(first.author)).toEqual({ name: '张三', unit: '市住建局' });
  });

  it('a unit alone is the author; an author already written with its unit is not doubled', async () => {
    const { doc, threads } = reviewedPlan();
    threads[1]!.comments[0] = { ...threads[1]!.comments[0]!, author: '', unit: '县教育局' };
    threads[2]!.comments[0] = { ...threads[2]!.comments[0]!, author: '王五（县住建局）', unit: '县住建局' };
    const comments = authorsOf(part(await exportReviewDocx(doc, threads), 'word/comments.xml'), 'comment');
    expect(comments).toContain('县教育局');
    expect(comments).toContain('王五（县住建局）');
    expect(comments.join()).not.toContain('（县住建局）（');
  });
});
