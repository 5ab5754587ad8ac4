// Values on one scale and the stricter target, direction-aware.
import { describe, expect, it } from 'vitest';
import type { Comparator } from '../shared/schema.ts';
import { markStricter, normaliseValue } from '../shared/compare/values.ts';
import { normaliseMetric } from '../shared/compare/wording.ts';

const t = (op: Comparator, value: number, unit: string, max: number | null = null) => ({ op, value, max, unit });

describe('normalised values', () => {
  it('keeps ≥12平方米 and >8平方米 on one scale', () => {
    expect(normaliseValue(t('>=', 12, '平方米'))).toEqual({ kind: 'level', value: 12, max: null, unit: '平方米' });
    expect(normaliseValue(t('>', 8, '平方米'))).toEqual({ kind: 'level', value: 8, max: null, unit: '平方米' });
  });
  it('applies 万 and 亿 multipliers, not to per-10,000 rates', () => {
    expect(normaliseValue(t('>=', 1.5, '万亩'))).toMatchObject({ value: 15000, unit: '亩' });
    expect(normaliseValue(t('=', 500, '万元'))).toMatchObject({ value: 5_000_000, unit: '元' });
    expect(normaliseValue(t('=', 2.6, '万平方米'))).toMatchObject({ value: 26000, unit: '平方米' });
    expect(normaliseValue(t('range', 1.2, '万亩', 1.5))).toMatchObject({ value: 12000, max: 15000, unit: '亩' });
    expect(normaliseValue(t('>=', 4.5, '人/万人'))).toMatchObject({ value: 4.5, unit: '人/万人' });
  });
  it('reads 百分点 as a level in % but as an absolute change when raised', () => {
    expect(normaliseValue(t('>=', 35, '百分点'))).toMatchObject({ kind: 'level', unit: '%' });
    expect(normaliseValue(t('increase', 2, '百分点'))).toEqual({ kind: 'change', value: 2, max: null, unit: '百分点' });
    // 下降 15% is relative: not comparable with points.
    expect(normaliseValue(t('decrease', 15, '%'))).toMatchObject({ kind: 'change', unit: '%(相对)' });
  });
  it('converts ‰ to % and 分钟 to 小时', () => {
    expect(normaliseValue(t('<=', 4, '‰'))).toMatchObject({ value: 0.4, unit: '%' });
    expect(normaliseValue(t('<=', 12, '分钟'))).toMatchObject({ value: 0.2, unit: '小时' });
  });
  it('counts schools in 所 and in 个 on one scale', () => {
    expect(normaliseValue(t('>=', 1, '所')).unit).toBe(normaliseValue(t('>=', 1, '个')).unit);
  });
});

describe('the stricter target', () => {
  it('for ≥ indicators the higher floor', () => {
    expect(markStricter([t('>', 8, '平方米'), t('>=', 12, '平方米'), t('>=', 11.5, '平方米')], 'higher')).toEqual([false, true, false]);
  });
  it('for ≤ indicators the lower ceiling', () => {
    expect(markStricter([t('<=', 30, '%'), t('<=', 28, '%'), t('<=', 26, '%')], 'lower')).toEqual([false, false, true]);
    expect(markStricter([t('<=', 3, '‰'), t('<=', 0.4, '%')], 'lower')).toEqual([true, false]);
  });
  it('compares across multipliers: 1.2 万亩 asks more than 8000 亩', () => {
    expect(markStricter([t('>=', 8000, '亩'), t('>=', 1.2, '万亩')], 'higher')).toEqual([false, true]);
  });
  it('> beats ≥ at the same value; equal targets mark nobody', () => {
    expect(markStricter([t('>=', 90, '%'), t('>', 90, '%')], 'higher')).toEqual([false, true]);
    expect(markStricter([t('>=', 90, '%'), t('>=', 90, '%')], 'higher')).toEqual([false, false]);
  });
  it('compares changes with changes only, and 百分点 with 百分点 only', () => {
    const targets = [t('increase', 2, '百分点'), t('increase', 1, '百分点'), t('>=', 35, '%'), t('>=', 32, '%'), t('increase', 5, '%')];
    expect(markStricter(targets, 'higher')).toEqual([true, false, true, false, false]);
  });
  it('a larger cut is stricter for a ≤ indicator; a ceiling in a ≥ group is not compared', () => {
    expect(markStricter([t('decrease', 10, '%'), t('decrease', 15, '%')], 'lower')).toEqual([false, true]);
    expect(markStricter([t('>=', 90, '%'), t('<=', 95, '%'), t('>=', 80, '%')], 'higher')).toEqual([true, false, false]);
  });
  it('a unitless 清零 (= 0) is compared with ceilings on any scale', () => {
    expect(markStricter([t('=', 0, ''), t('<=', 1, '%')], 'lower')).toEqual([true, false]);
  });
  it('= and ≈ targets follow the indicator direction; none is marked without one', () => {
    expect(markStricter([t('=', 100, '%'), t('>=', 95, '%')], 'higher')).toEqual([true, false]);
    expect(markStricter([t('=', 100, '%'), t('>=', 95, '%')], null)).toEqual([false, false]);
  });
});

describe('metric wordings', () => {
  it('folds scope, 的, 比率, the survey subject and deadlines', () => {
    expect(normaliseMetric('全县居民健康素养水平')).toBe('居民健康素养水平');
    expect(normaliseMetric('空气质量优良天数比率')).toBe('空气质量优良天数比例');
    expect(normaliseMetric('全民法治宣传教育的普及率')).toBe('全民法治宣传教育普及率');
    expect(normaliseMetric('辖区居民对文明创建工作的满意度')).toBe('群众对创建工作满意度');
    expect(normaliseMetric('6月底前完成城区背街小巷改造')).toBe('背街小巷改造');
    expect(normaliseMetric('《国民体质测定标准》合格以上的人数比例')).toBe('国民体质测定标准合格以上人数比例');
  });
  it('keeps what changes the indicator: 农村, PM2.5', () => {
    expect(normaliseMetric('农村生活污水治理率')).toBe('农村生活污水治理率');
    expect(normaliseMetric('细颗粒物(PM2.5)年均浓度')).toBe('PM2.5年均浓度');
  });
});
