import { describe, expect, it } from 'vitest';
import { runChecks } from '../../shared/checks/index';
import { applyAndRecheck, input, meta, withCode } from './checks-helpers';

describe('doc-number', () => {
  it.each([
    ['滕安发[2021]3号', '滕安发〔2021〕3号'],
    ['滕安发(2021)3号', '滕安发〔2021〕3号'],
    ['滕安发（2021）03号', '滕安发〔2021〕3号'],
    ['滕安发〔2021〕第3号', '滕安发〔2021〕3号'],
  ])('%s is an error fixed to %s', (dn, corrected) => {
    const inp = input([], { meta: meta({ docNumber: dn, writtenDate: '2021-03-01' }) });
    const cs = withCode(runChecks(inp), 'doc-number');
    expect(cs).toHaveLength(1);
    expect(cs[0]).toMatchObject({ severity: 'error', blockIndex: null, field: 'meta' });
    expect(cs[0]!.message).toContain(`应为“${corrected}”`);
    const { fixed } = applyAndRecheck(inp, cs[0]!);
    expect(fixed.meta.docNumber).toBe(corrected);
    expect({ ...fixed.meta, docNumber: dn }).toEqual(inp.meta);
  });

  it('reports a 文号 it cannot repair without a fix', () => {
    const cs = withCode(runChecks(input([], { meta: meta({ docNumber: '滕安发3号' }) })), 'doc-number');
    expect(cs).toHaveLength(1);
    expect(cs[0]!.fix).toBeUndefined();
  });

  it('accepts a correct 文号 and an empty one', () => {
    expect(withCode(runChecks(input([], { meta: meta({ docNumber: '滕安发〔2021〕3号', writtenDate: '2021-04-10' }) })), 'doc-number')).toEqual([]);
    expect(runChecks(input([], { meta: meta({ docNumber: '' }) }))).toEqual([]);
  });

  it('warns when the 文号 year is not the year of signing', () => {
    const cs = runChecks(input([], { meta: meta({ docNumber: '滕安发〔2020〕3号', writtenDate: '2021-04-10' }) }));
    expect(cs.map((c) => [c.code, c.severity])).toEqual([['doc-number-year', 'warning']]);
  });
});

describe('meta-year', () => {
  it('reports a plan title naming another year and fixes it', () => {
    const inp = input([], { meta: meta({ title: '2020年全县安全生产工作要点', year: 2021 }) });
    const cs = withCode(runChecks(inp), 'meta-year');
    expect(cs).toHaveLength(1);
    const { fixed } = applyAndRecheck(inp, cs[0]!);
    expect(fixed.meta.title).toBe('2021年全县安全生产工作要点');
  });

  it('accepts a title with the plan year or none', () => {
    expect(runChecks(input([], { meta: meta({ title: '2021年全县安全生产工作要点' }) }))).toEqual([]);
    expect(runChecks(input([], { meta: meta({ title: '全县安全生产工作要点' }) }))).toEqual([]);
  });
});
