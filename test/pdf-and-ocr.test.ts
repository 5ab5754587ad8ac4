// PDF text rebuilt from item positions, running lines dropped, OCR misreadings repaired, and
// the character error rate the evaluation reports.
import { describe, expect, it } from 'vitest';
import { characterErrorRate } from '../pipeline/eval/cer.ts';
import { editDistance } from '../shared/edit-distance.ts';
import { dropRunningLines, linesFromItems } from '../pipeline/load/pdf.ts';
import { normaliseText } from '../shared/normalise/index.ts';

const item = (str: string, x: number, y: number, width = str.length * 16) => ({ str, x, y, width, height: 16 });

describe('lines from PDF text items', () => {
  it('groups items by baseline, orders them by x and keeps a paragraph indent', () => {
    const lines = linesFromItems([
      item('要内容，面向全体党员', 73.8, 700),
      item('1.加强理想信念教育。', 105.8, 671), // indented by two characters
      item('深入学习', 73.8, 642),
      item('宣传贯彻', 137.8, 642.4), // same line, slightly different baseline
    ]);
    expect(lines).toEqual(['要内容，面向全体党员', '  1.加强理想信念教育。', '深入学习宣传贯彻']);
  });

  it('drops a running title and page numbers repeated on most pages, keeping the first title', () => {
    const bodies = ['一、总体要求', '1.政务环境提升。', '2.法治环境提升。', '3.人文环境提升。'];
    const page = (n: number) => ['会宁县文明城市创建工作实施方案', bodies[n - 1] as string, `— ${n} —`];
    const pages = dropRunningLines([page(1), page(2), page(3), page(4)]);
    expect(pages[0]).toEqual(['会宁县文明城市创建工作实施方案', '一、总体要求']);
    expect(pages[3]).toEqual(['3.人文环境提升。']);
  });
});

describe('OCR repairs', () => {
  it('reads ≥ where tesseract saw >, 之 or 宇 after a measure', () => {
    const repaired = (raw: string) => normaliseText(raw, { ocr: true }).text;
    expect(repaired('全民法治宣传教育的普及率之95%;')).toBe('全民法治宣传教育的普及率≥95%;');
    expect(repaired('人均公园绿地面积>12平方米,')).toBe('人均公园绿地面积≥12平方米,');
    expect(repaired('空气质量优良天数比例宇87.5%。')).toBe('空气质量优良天数比例≥87.5%。');
    // 之 in ordinary words stays.
    expect(repaired('总而言之,要加强领导。')).toBe('总而言之,要加强领导。');
  });

  it('puts digits back where OCR read letters inside a number', () => {
    expect(normaliseText('覆盖率达到1O0%。', { ocr: true }).text).toBe('覆盖率达到100%。');
    expect(normaliseText('覆盖率达到9l%。', { ocr: true }).text).toBe('覆盖率达到91%。');
  });

  it('leaves text that did not come from OCR alone', () => {
    expect(normaliseText('人均公园绿地面积>12平方米').text).toBe('人均公园绿地面积>12平方米');
  });
});

describe('character error rate', () => {
  it('counts edits over the reference length, white space ignored', () => {
    expect(editDistance('文明城市', '文明城市')).toBe(0);
    expect(editDistance('文明城巿', '文明城市')).toBe(1);
    expect(characterErrorRate('文明 城巿\n创建', '文明城市创建')).toBeCloseTo(1 / 6, 10);
    expect(characterErrorRate('', '')).toBe(0);
  });
});

describe('OCR repairs around responsibility clauses', () => {
  it('restores the bracket, the 牵 and the colon of a clause label', () => {
    const text = normaliseText('没有吸烟现象。〈奉头单位;县纪委监委、县住建局;责任单位;各乡镇)', { ocr: true }).text;
    expect(text).toBe('没有吸烟现象。(牵头单位:县纪委监委、县住建局;责任单位:各乡镇)');
  });
});

describe('OCR repairs around numbers', () => {
  const repaired = (raw: string) => normaliseText(raw, { ocr: true }).text;
  it('reads ≧ seen as 全, 三 or 兰 after a measure', () => {
    expect(repaired('卫生人员数全0.83人;比例三10%,时间兰25个小时。')).toBe('卫生人员数≥0.83人;比例≥10%,时间≥25个小时。');
  });
  it('restores a range dash read as 一 and drops a stray 0 after %', () => {
    expect(repaired('每年组织至少1一2次考评,比例≥70%0,')).toBe('每年组织至少1—2次考评,比例≥70%,');
  });
});
