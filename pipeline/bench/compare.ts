// Grouping speed: 50 synthetic plans × 60 targets, worded the way plans vary (scope words,
// 的, 比率/比例, 市民/群众, typing slips) over the lexicon's indicators and indicators it lacks.
// Goal: grouping in < 1 s.
import { compareIndicators } from '../../shared/compare/compare.ts';
import { INDICATOR_LEXICON } from '../../shared/compare/lexicon.ts';
import type { Comparator, GovClipExport } from '../../shared/schema.ts';
import { nodeSegmenter } from '../compare/segmenter.ts';

const PLANS = 50;
const TARGETS_PER_PLAN = 60;
const RUNS = Number(process.env.GOVCLIP_BENCH_RUNS ?? 10);

/** Indicators the lexicon does not know, so the similarity stage has work too. */
const UNLISTED = [
  '背街小巷保洁率', '城市书房覆盖率', '新时代文明实践站覆盖率', '老旧小区改造完成率', '农贸市场三防设施配备率', '餐饮服务单位油烟净化设施安装率',
  '共享单车规范停放率', '沿街商户门前三包责任书签订率', '网络舆情处置率', '窗口单位服务对象满意度', '垃圾收集容器完好率', '秸秆综合利用率',
  '畜禽粪污综合利用率', '一般工业固体废物综合利用率', '重点排污单位自动监控设备联网率', '中小学校千兆宽带接入率', '幼儿园专任教师持证上岗率',
  '命案现案破案率', '无烟党政机关建成率', '病媒生物防制达标率', '社区综合服务设施覆盖率', '城市公厕免费开放率', '公交车新能源比例', '群众举报按时办结率',
];
const SCOPES = ['', '', '全市', '全县', '城区', '城市', '辖区'];

/** A deterministic pseudo-random sequence, so every run measures the same input. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function vary(wording: string, next: () => number): string {
  let text = `${SCOPES[Math.floor(next() * SCOPES.length)]}${wording}`;
  if (next() < 0.2) text = text.replace(/比例$/, '比率');
  if (next() < 0.2) text = text.replace(/率$/, '的率').replace(/的的/, '的');
  if (next() < 0.15) text = text.replace(/^群众对/, '市民对');
  if (next() < 0.05 && text.length > 9) text = text.slice(0, 4) + text.slice(5); // a typing slip
  return text;
}

export function syntheticPlans(): GovClipExport[] {
  const next = random(20240601);
  const wordings = [...INDICATOR_LEXICON.flatMap((e) => e.wordings.map((w) => ({ w, lower: e.direction === 'lower' }))), ...UNLISTED.map((w) => ({ w, lower: false }))];
  return Array.from({ length: PLANS }, (_, p) => {
    const targets = Array.from({ length: TARGETS_PER_PLAN }, (_, k) => {
      const pick = wordings[Math.floor(next() * wordings.length)] as { w: string; lower: boolean };
      const metric = vary(pick.w, next);
      const op: Comparator = pick.lower ? '<=' : next() < 0.8 ? '>=' : '>';
      const value = Math.round(next() * 1000) / 10;
      return { id: `g${k + 1}`, taskId: null, text: `${metric}${op}${value}%`, metric, op, value, max: null, unit: next() < 0.9 ? '%' : '百分点', year: 2025, span: [0, 0] as [number, number] };
    });
    return {
      schemaVersion: 1,
      document: { id: p.toString(16).padStart(64, '0'), title: `第${p + 1}号方案`, region: `样本${p + 1}市`, issuers: [], docNumber: null, publishedAt: null, period: { from: 2023, to: 2025 }, source: { kind: 'text', url: null, file: `plan-${p + 1}.txt` }, text: '' },
      tasks: [], targets, units: [], warnings: [],
    } satisfies GovClipExport;
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

export function benchCompare(): void {
  const plans = syntheticPlans();
  const initStarted = performance.now();
  const segmenter = nodeSegmenter();
  segmenter('人均公园绿地面积');
  const initMs = performance.now() - initStarted;
  // The first grouping segments every wording; later ones hit the segmenter's cache.
  let started = performance.now();
  let indicators = compareIndicators(plans, { segmenter });
  const coldMs = performance.now() - started;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    started = performance.now();
    indicators = compareIndicators(plans, { segmenter });
    times.push(performance.now() - started);
  }
  const shared = indicators.filter((i) => i.plans > 1).length;
  console.log(`indicator grouping: ${PLANS} plans × ${TARGETS_PER_PLAN} targets = ${PLANS * TARGETS_PER_PLAN} targets → ${indicators.length} indicators (${shared} shared)`);
  console.log(`jieba load ${initMs.toFixed(0)} ms · first grouping ${coldMs.toFixed(0)} ms · then median ${median(times).toFixed(0)} ms of ${RUNS}`);
  console.log('goal: grouping 50 plans × 60 targets in < 1 s');
}
