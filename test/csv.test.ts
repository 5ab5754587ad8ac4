// The one CSV writer: the formula guard touches formulas only.
import { describe, expect, it } from 'vitest';
import { csvDocument, guardFormula } from '../shared/csv.ts';

describe('the formula guard', () => {
  it('guards what Excel would evaluate', () => {
    expect(guardFormula('=HYPERLINK("http://evil")')).toBe(`'=HYPERLINK("http://evil")`);
    expect(guardFormula('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(guardFormula('+1 小时')).toBe(`'+1 小时`);
    expect(guardFormula('-%')).toBe(`'-%`);
    expect(guardFormula('\tcmd')).toBe(`'\tcmd`);
  });

  it('leaves values alone: numbers, a lone sign, ordinary text', () => {
    for (const value of ['-5', '+2', '1.5', '-3.5%', '3e-7', '=', '-', '≥ 95 %', '提高 2 个百分点', '5–7 个', '市住建局']) expect(guardFormula(value)).toBe(value);
  });

  it('writes numbers as numbers and nulls as empty cells', () => {
    expect(csvDocument([['a', 1.5, null, -5, '=1+1']])).toBe(`\uFEFFa,1.5,,-5,'=1+1\r\n`);
  });
});
