// Generated inputs for the robustness suite: nothing large is committed, every input is built
// here, deterministically, at the size a test asks for.
import { zlibSync } from 'fflate';

/** A deterministic pseudo-random sequence (the same inputs on every run). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const pick = <T>(items: readonly T[], next: () => number): T => items[Math.floor(next() * items.length)] as T;

const ACTIONS = ['建设', '推进', '完善', '加强', '落实', '开展', '提升', '整治', '规范', '健全'];
const OBJECTS = ['社区食堂', '健身步道', '背街小巷', '农贸市场', '公共厕所', '志愿服务站', '老旧小区', '城市书房', '养老服务中心', '学校少年宫', '垃圾分类设施', '停车泊位', '便民市场', '口袋公园', '新时代文明实践站', '病媒生物防制', '户外广告', '校园周边环境'];
const METRICS = ['覆盖率', '达标率', '完成率', '满意度', '知晓率', '建成率', '参与率'];
const UNITS = ['县民政局', '县住建局', '县城管局', '县教育局', '县卫健局', '县文明办', '县市场监管局', '县交通运输局', '县自然资源局', '县生态环境局'];
const REGIONS = ['会宁县', '静宁县', '通渭县', '秦安县', '甘谷县', '武山县', '清水县', '麦积区', '秦州区', '庄浪县'];

/** One numbered task line: a title, a target, a lead unit. */
export function taskLine(n: number, next: () => number): string {
  const object = pick(OBJECTS, next);
  return `${n}.${pick(ACTIONS, next)}${object}。到2025年,${object}${pick(METRICS, next)}达到${60 + Math.floor(next() * 40)}%以上。(牵头单位:${pick(UNITS, next)};责任单位:各乡镇)`;
}

/** `items` numbered tasks under one heading: the shape of a 民生实事 list. */
export function itemsUnderOneHeading(items: number, seed = 1): string {
  const next = random(seed);
  const lines = ['某县2024年民生实事项目实施方案', '一、重点项目'];
  for (let k = 1; k <= items; k++) lines.push(taskLine(k, next));
  return `${lines.join('\n')}\n`;
}

/** A plan of plain text of about `bytes` bytes: parts of numbered tasks (numbered straight through) with prose between. */
export function plainTextPlan(bytes: number, seed = 2): string {
  const next = random(seed);
  const parts = ['某县2024年城乡环境综合整治工作实施方案'];
  let size = 0;
  let task = 0;
  for (let section = 1; size < bytes; section++) {
    parts.push(`第${section}批重点任务`);
    parts.push('围绕群众关心的突出问题,坚持问题导向,建立工作台账,明确时间节点,层层压实责任,确保各项任务按期完成。');
    for (let k = 1; k <= 20; k++) {
      const line = taskLine(++task, next);
      parts.push(line);
      size += line.length * 3;
    }
  }
  return `${parts.join('\n')}\n`;
}

/** A government web page of about `bytes` bytes, in a CMS body container. */
export function htmlPage(bytes: number, seed = 3): string {
  const next = random(seed);
  const paragraphs: string[] = ['<p>一、重点任务</p>'];
  let size = 0;
  for (let k = 1; size < bytes; k++) {
    const line = `<p style="text-indent:2em">${taskLine(k, next)}</p>\n`;
    paragraphs.push(line);
    size += line.length * 2;
  }
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>某县2024年民生实事项目实施方案</title></head><body><div class="header">首页 &gt; 通知公告</div><div class="TRS_Editor"><h1>某县2024年民生实事项目实施方案</h1>${paragraphs.join('')}</div></body></html>`;
}

/** A plan whose body sits `depth` <div>s deep. */
export function deepPage(depth: number): string {
  return `<html><body>${'<div>'.repeat(depth)}<p>某县2024年民生实事项目实施方案</p><p>一、重点项目</p><p>1.建设社区食堂。到2025年,社区食堂覆盖率达到80%以上。(牵头单位:县民政局)</p>${'</div>'.repeat(depth)}</body></html>`;
}

/** A plan paragraph followed by one <p> holding `count` character references. */
export function entityPage(count: number): string {
  return `<html><body><div class="TRS_Editor"><p>某县2024年民生实事项目实施方案</p><p>一、重点项目</p><p>1.建设社区食堂。到2025年,社区食堂覆盖率达到80%以上。(牵头单位:县民政局)</p><p>${'&nbsp;&ldquo;&#20013;&rdquo;'.repeat(Math.ceil(count / 4))}</p></div></body></html>`;
}

/**
 * `plans` plans for comparison, as a county office meets them: each a copy of one of a few
 * templates (the province's model plan), its targets and some tasks changed, plus tasks of its own.
 */
export function comparedPlanTexts(plans: number, seed = 4): string[] {
  const templates = Array.from({ length: 5 }, (_, t) => {
    const next = random(seed * 100 + t);
    return Array.from({ length: 24 }, (_, k) => taskLine(k + 1, next));
  });
  const next = random(seed);
  return Array.from({ length: plans }, (_, p) => {
    const template = templates[p % templates.length] as string[];
    const tasks = template.map((line, k) => (next() < 0.25 ? taskLine(k + 1, next) : line.replace(/\d+%/, `${60 + Math.floor(next() * 40)}%`)));
    return [`${REGIONS[p % REGIONS.length]}2024年文明城市创建工作实施方案(第${p + 1}号)`, '一、重点任务', ...tasks, ''].join('\n');
  });
}

/** Seconds one call of `run` takes. */
export function seconds(run: () => unknown): number {
  const started = performance.now();
  run();
  return (performance.now() - started) / 1000;
}

/**
 * Time at `size` and at 4 × `size`, in one process, one after the other (after a warm-up at the
 * small size, so compilation is not counted): the ratio per ×4 step. Linear work gives about 4;
 * quadratic 16. The smaller of two runs is taken at each size: other processes share the cores.
 */
export function growthRatio(size: number, run: (size: number) => unknown): { small: number; large: number; ratio: number } {
  run(size);
  const small = Math.min(seconds(() => run(size)), seconds(() => run(size)));
  const large = Math.min(seconds(() => run(size * 4)), seconds(() => run(size * 4)));
  return { small, large, ratio: large / small };
}

/**
 * A minimal PDF: `pages` pages of `width`×`height` points, each drawn by `content(page)` (a
 * content stream, Flate-compressed), plus extra objects (images) named by the page resources.
 */
export function buildPdf(options: { pages: number; width?: number; height?: number; content?: (page: number) => Uint8Array | string; filters?: string; xobjects?: string; extra?: Array<{ dict: string; data: Uint8Array }> }): Uint8Array {
  const { pages, width = 595, height = 842 } = options;
  const chunks: Uint8Array[] = [];
  const offsets: number[] = [];
  let length = 0;
  const emit = (part: Uint8Array | string) => {
    const bytes = typeof part === 'string' ? new Uint8Array(Buffer.from(part, 'latin1')) : part;
    chunks.push(bytes);
    length += bytes.length;
  };
  const object = (id: number, body: string, stream?: Uint8Array) => {
    offsets[id] = length;
    emit(`${id} 0 obj\n${body}\n`);
    if (stream) {
      emit('stream\n');
      emit(stream);
      emit('\nendstream\n');
    }
    emit('endobj\n');
  };
  emit('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
  const extra = options.extra ?? [];
  // 1 catalog, 2 pages, 3.. extra objects, then page and content pairs.
  const firstPage = 3 + extra.length;
  const kids = Array.from({ length: pages }, (_, k) => `${firstPage + 2 * k} 0 R`).join(' ');
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, `<< /Type /Pages /Count ${pages} /Kids [${kids}] >>`);
  extra.forEach((e, k) => object(3 + k, e.dict.replace('LENGTH', String(e.data.length)), e.data));
  for (let k = 0; k < pages; k++) {
    const id = firstPage + 2 * k;
    const content = options.content?.(k + 1) ?? '';
    const raw = typeof content === 'string' ? new Uint8Array(Buffer.from(content, 'latin1')) : content;
    // A content given as bytes is taken as already compressed (by `filters`).
    const packed = typeof content === 'string' || !options.filters ? zlibSync(raw) : raw;
    object(id, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Resources << ${options.xobjects ?? ''} >> /Contents ${id + 1} 0 R >>`);
    object(id + 1, `<< /Length ${packed.length} /Filter ${options.filters ?? '/FlateDecode'} >>`, packed);
  }
  const xref = length;
  const count = firstPage + 2 * pages;
  emit(`xref\n0 ${count}\n0000000000 65535 f \n`);
  for (let id = 1; id < count; id++) emit(`${String(offsets[id]).padStart(10, '0')} 00000 n \n`);
  emit(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
