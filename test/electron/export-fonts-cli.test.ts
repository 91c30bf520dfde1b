// `plandesk export --fonts standard|common`: the 字体方案, remembered per office in the
// library, and the warning for characters outside GB2312 (issue 19).
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { cli, useCliHome } from '../helpers/cli';
import { syntheticPlan } from '../helpers/sample-plans';
import type { TaskNode } from '../../shared/plan/schema';

const getHome = useCliHome();

const documentXml = (file: string) => strFromU8(unzipSync(new Uint8Array(readFileSync(file)))['word/document.xml']!);

async function savedPlan(issuer: string): Promise<string> {
  const doc = syntheticPlan(1);
  doc.meta.issuer = issuer;
  const first = (function find(nodes: typeof doc.body): TaskNode | undefined {
    for (const n of nodes) {
      if (n.type === 'task') return n;
      if (n.type !== 'paragraph') {
        const t = find(n.children);
        if (t) return t;
      }
    }
  })(doc.body)!;
  first.text = '由王堃同志负责。';
  const file = join(getHome(), `${issuer}.plan.json`);
  writeFileSync(file, JSON.stringify(doc));
  return (await cli('save', file)).out.trim();
}

describe('plandesk export --fonts', () => {
  it('标准 by default, with the GB2312 warning; 通用 when asked, then remembered for that office only', async () => {
    const a = await savedPlan('甲县安全生产委员会');
    const b = await savedPlan('乙县安全生产委员会');
    const out = (n: string) => join(getHome(), `${n}.docx`);

    const std = await cli('export', a, '--out', out('1'));
    expect(std.code).toBe(0);
    expect(std.err).toContain('警告：任务 1 中的“堃”不在 GB2312 字符集中，仿宋_GB2312 无法显示，建议使用通用字体方案或核对用字');
    expect(documentXml(out('1'))).toContain('w:eastAsia="仿宋_GB2312"');

    const common = await cli('export', a, '--out', out('2'), '--fonts', 'common');
    expect(common.code).toBe(0);
    expect(common.err).not.toContain('GB2312');
    const xml = documentXml(out('2'));
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(xml).not.toContain('_GB2312');

    // Remembered for 甲县, not for 乙县.
    await cli('export', a, '--out', out('3'));
    expect(documentXml(out('3'))).not.toContain('_GB2312');
    await cli('export', b, '--out', out('4'));
    expect(documentXml(out('4'))).toContain('仿宋_GB2312');
  });

  it('refuses an unknown scheme in Chinese', async () => {
    const a = await savedPlan('甲县安全生产委员会');
    const r = await cli('export', a, '--out', join(getHome(), 'x.docx'), '--fonts', 'fancy');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--fonts 应为 standard（标准）或 common（通用）');
  });
});
