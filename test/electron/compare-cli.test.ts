// `plandesk compare`: the text output names the parts a partial task leaves out, each link's
// reason and each target finding with its title, reason and quotes; --json adds each finding's aspect.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, useCliHome } from '../helpers/cli';
import { coverageDraft, coverageUpper } from '../helpers/coverage-pair';

const home = useCliHome();

function files(): { upper: string; draft: string } {
  const upper = join(home(), 'upper.plan.json');
  const draft = join(home(), 'draft.plan.json');
  writeFileSync(upper, JSON.stringify(coverageUpper));
  writeFileSync(draft, JSON.stringify(coverageDraft));
  return { upper, draft };
}

describe('plandesk compare', () => {
  it('text: partial tasks with what was left out, link reasons, findings with reasons and quotes', async () => {
    const f = files();
    const r = await cli('compare', '--upper', f.upper, '--draft', f.draft);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    const at = lines.indexOf('（一）强化危险化学品安全监管【部分落实】');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(lines[at + 1]).toMatch(/^ {4}→ （一）检查危险化学品企业（相似度 0\.\d\d）$/u);
    expect(lines[at + 2]).toMatch(/^ {6}依据：共同表述：“/u);
    expect(lines[at + 3]).toBe('    未见落实：“推进化工园区封闭化管理和智慧化平台建设”“落实危险化学品运输车辆动态监控，严查违规运输行为”');
    expect(r.out).toContain('    ！【目标低于上级】上级“95%”，本级“85%”\n');
    expect(r.out).toMatch(/\n {6}上级：“[^”]*95%[^”]*”／本级：“[^”]*85%[^”]*”\n/u);
    expect(r.out).toContain('    ！【牵头单位不同】上级为区应急局，本级为镇安委办\n');
    expect(r.out).toContain('    ！【定性改为定量】');
    expect(r.out).toMatch(/目标对应：95%→85%\n/u);
  });

  it('--json keeps its shape; each finding has kind and aspect', async () => {
    const f = files();
    const r = await cli('compare', '--upper', f.upper, '--draft', f.draft, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as {
      coverage: number;
      upper: Array<{ label: string; title: string; status: string; links: unknown[]; targetFindings: Array<Record<string, string>> }>;
      draftOnly: unknown[];
    };
    expect(Object.keys(j)).toEqual(['coverage', 'upper', 'draftOnly']);
    expect(Object.keys(j.upper[0]!)).toEqual(['label', 'title', 'status', 'links', 'targetFindings']);
    expect(j.upper[0]!.status).toBe('partial');
    const weaker = j.upper.find((u) => u.title === '开展隐患排查治理')!.targetFindings.find((x) => x.kind === 'weaker')!;
    expect(Object.keys(weaker)).toEqual(['kind', 'aspect', 'upper', 'draft', 'message']);
    expect(weaker.aspect).toBe('figure');
  });
});
