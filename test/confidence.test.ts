// Confidence on every item: reasons that lower a target's or a task's units' rating, and the
// eval's promise that `high` items are right (precision ≥ 0.98 on the seed, dev and real plans).
import { describe, expect, it } from 'vitest';
import { extractPlan } from '../shared/extract.ts';
import { evaluateFixtures } from '../pipeline/eval/evaluate.ts';
import { sumScores } from '../pipeline/eval/score.ts';
import { formatConfidenceLines, levelPrecision } from '../pipeline/eval/score-confidence.ts';

const extract = (text: string, ocr = false) => extractPlan(text, { id: 'a'.repeat(64), source: { kind: 'text', url: null, file: null }, ocr });

describe('confidence and reasons', () => {
  const exp = extract([
    '某县2024年城市管理工作方案',
    '一、重点任务',
    '1.提升市容。城区主干道机械化清扫率达到95%以上。(牵头单位:县城管局;责任单位:各乡镇)',
    '2.补齐设施。新建口袋公园8处。(县住建局牵头,县自然资源局配合)',
    '3.统计进度。路公里1360 1361.92 100.1%交通局',
    '4.加强督查。开展专项督查。(责任单位:县委督查室、县直有关部门按照职责分工共同负责落实的单位)',
  ].join('\n'));
  const target = (metricStart: string) => exp.targets.find((t) => t.metric.startsWith(metricStart));

  it('rates a clear target high, a bare count medium and a table row low', () => {
    expect(target('城区主干道')).toMatchObject({ confidence: 'high', reasons: [] });
    expect(target('新建口袋公园')).toMatchObject({ confidence: 'medium', reasons: ['bare-count'] });
    expect(exp.targets.find((t) => t.text.includes('1361.92'))).toMatchObject({ confidence: 'low' });
    expect(exp.targets.find((t) => t.text.includes('1361.92'))?.reasons).toContain('table-cell');
  });

  it('rates labelled units high, units read from prose medium, an overlong name low', () => {
    expect(exp.tasks.map((t) => [t.path.join(''), t.unitConfidence, t.unitReasons])).toEqual([
      ['一1', 'high', []],
      ['一2', 'medium', ['units-from-prose']],
      ['一3', 'high', []],
      ['一4', 'low', expect.arrayContaining(['unit-name-long'])],
    ]);
  });

  it('doubts a count whose metric is the work rather than the thing counted', () => {
    const plan = extract('某县2024年消防工作方案\n一、重点任务\n1.夯实基础。完善农村消防基础设施,完成超230个。(责任单位:县消防救援大队)');
    expect(plan.targets.map((t) => [t.metric, t.confidence, t.reasons])).toEqual([['完善农村消防基础设施', 'medium', ['count-of-an-action']]]);
  });

  it('marks every item of an OCR’d plan', () => {
    const scanned = extract('某县2024年工作方案\n一、重点任务\n1.提升市容。城区主干道机械化清扫率达到95%以上。(责任单位:县城管局)', true);
    expect(scanned.targets[0]).toMatchObject({ confidence: 'medium', reasons: ['ocr-text'] });
    expect(scanned.tasks[0]).toMatchObject({ unitConfidence: 'medium', unitReasons: ['ocr-text'] });
  });
});

describe('precision per confidence level (text forms)', () => {
  it.each(['seed', 'dev', 'real'] as const)('%s plans: high targets and high unit pairs are right ≥ 0.98', async (set) => {
    const rows = await evaluateFixtures({}, { sets: [set], forms: ['text'] });
    const counts = sumScores(rows).confidence;
    console.log(`${set}\n${formatConfidenceLines(counts).join('\n')}`);
    expect(counts?.targets.high.predicted ?? 0, 'some targets are rated high').toBeGreaterThan(10);
    expect(levelPrecision(counts!.targets.high) ?? 0).toBeGreaterThanOrEqual(0.98);
    expect(levelPrecision(counts!.units.high) ?? 1).toBeGreaterThanOrEqual(0.98);
  }, 120_000);
});
