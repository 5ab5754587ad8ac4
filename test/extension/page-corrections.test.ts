// @vitest-environment jsdom
// Corrections as a staff member makes them on a live page: a missed target added from a
// selection that crosses white space and elements, a wrong one rejected, a parse edited; the page
// then shows the corrected plan. And an OCR slip fixed on a plan captured from an attachment.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractPlan } from '../../shared/extract.ts';
import { plainContext, startPageSession, type PageSession } from '../../extension/lib/page/page-session.ts';
import { extractPageText } from '../../extension/lib/page/read-live-page.ts';
import {
  addCorrection, capturePlan, correctionsForPage, getPlan, GovClipDB, listCorrections, sha256Hex, targetKeyOf, taskKeyOf, type Correction,
} from '../../extension/lib/store/index.ts';

const URL_OF_PAGE = 'https://www.example.gov.cn/zwgk/2024/plan.html';
// The number sits in its own element with spaces around it, as many CMS pages write it.
const PAGE = `<h1>某市2024年城市更新民生实事实施方案</h1><div class="article">
<p>为加快推进城市更新,制定本实施方案。</p>
<p>一、主要任务</p>
<p>(一)推进棚户区改造。全年新开工安置房15546套,惠及群众 <span>4.2</span> 万户,基本建成安置房不少于8000套。(牵头单位:市住建局;责任单位:各县区人民政府)</p>
<p>(二)整治背街小埠。完成背街小埠整治120条,改造老旧小区供水管网不少于50公里。(牵头单位:市城管局;责任单位:市水务集团)</p>
<p>(三)提升公共服务。新建社区食堂30个,城市生活垃圾无害化处理率达到100%。(牵头单位:市民政局)</p>
</div>`;

let db: GovClipDB;
let session: PageSession;
let ctx: ReturnType<typeof plainContext>;

beforeEach(async () => {
  document.body.innerHTML = PAGE;
  db = new GovClipDB(`page-corrections-${Math.random()}`);
  ctx = plainContext(window);
  session = await startPageSession(document, URL_OF_PAGE, ctx, () => undefined, extractPageText);
});

afterEach(async () => {
  ctx.invalidate();
  db.close();
  await db.delete();
});

/** Selects the words as the page writes them (spaces, elements, our marks in between), as a mouse drag does. */
function select(words: string): void {
  const paragraph = Array.from(document.querySelectorAll('p')).find((p) => p.textContent?.includes(words)) as HTMLElement;
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
  const nodes: Array<{ node: Text; at: number }> = [];
  let all = '';
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    nodes.push({ node, at: all.length });
    all += node.data;
  }
  const from = all.indexOf(words);
  const to = from + words.length;
  const find = (offset: number, end: boolean) => nodes.findLast((n) => (end ? n.at < offset : n.at <= offset)) as { node: Text; at: number };
  const start = find(from, false);
  const end = find(to, true);
  const range = document.createRange();
  range.setStart(start.node, from - start.at);
  range.setEnd(end.node, to - end.at);
  const selection = window.getSelection() as Selection;
  selection.removeAllRanges();
  selection.addRange(range);
}

const marked = (id: string) => Array.from(document.querySelectorAll(`mark[data-govclip-kind="target"][data-govclip-id="${id}"]`)).map((m) => m.textContent).join('');

describe('a missed target added from a selection', () => {
  it('reads the selection as the plan text reads it, with its span, whatever white space and elements it crosses', () => {
    select('惠及群众 4.2 万户');
    // What the browser calls the selection has the page's spaces; the plan's text has none.
    expect(window.getSelection()?.toString()).toBe('惠及群众 4.2 万户');
    const selected = session.selection();
    const text = session.state().export.document.text;
    expect(text).not.toContain('惠及群众 4.2 万户');
    expect(selected.text).toBe('惠及群众4.2万户');
    expect(selected.span).not.toBeNull();
    expect(text.slice(...(selected.span as [number, number]))).toBe('惠及群众4.2万户');
  });

  it('saves as a correction, and the page then highlights the added target', async () => {
    select('惠及群众 4.2 万户');
    const selected = session.selection();
    const { planId } = await capturePlan(db, { export: session.state().export, url: URL_OF_PAGE });
    await addCorrection(db, planId, { kind: 'addTarget', target: { text: selected.text, span: selected.span, metric: '惠及群众', op: '=', value: 4.2, max: null, unit: '万户', year: 2024 } });
    const corrections = await correctionsForPage(db, URL_OF_PAGE, sha256Hex(session.state().export.document.text));
    expect(corrections).toHaveLength(1);
    expect(session.setCorrections(corrections)).toBe(1);
    const added = session.state().corrected?.targets.find((t) => t.metric === '惠及群众');
    expect(added).toMatchObject({ id: 'u1', value: 4.2, unit: '万户', taskId: 't1' });
    // jsdom has no Highlight API: the marks are <mark> elements, around the page's own words.
    expect(marked('u1').replace(/\s/g, '')).toBe('惠及群众4.2万户');
  });
});

describe('the page shows the corrected plan', () => {
  it('drops a rejected target, keeps an edited one with its new parse, and follows a later change of the list', () => {
    const exp = session.state().export;
    const canteens = exp.targets.find((t) => t.metric === '新建社区食堂');
    const housing = exp.targets.find((t) => t.metric === '基本建成安置房');
    expect(marked(canteens!.id)).toBe('新建社区食堂30个');
    const corrections: Correction[] = [
      { kind: 'rejectTarget', target: targetKeyOf(exp, canteens!.id) },
      { kind: 'editTarget', target: targetKeyOf(exp, housing!.id), changes: { year: 2024, value: 8500 } },
    ];
    expect(session.setCorrections(corrections)).toBe(2);
    expect(marked(canteens!.id)).toBe('');
    expect(session.state().counts.target).toBe(exp.targets.length - 1);
    expect(session.state().corrected?.targets.find((t) => t.id === housing!.id)).toMatchObject({ value: 8500, year: 2024 });
    expect(marked(housing!.id)).toBe('基本建成安置房不少于8000套');
    // The user undoes the rejection in the library: the page follows.
    session.setCorrections(corrections.slice(1));
    expect(marked(canteens!.id)).toBe('新建社区食堂30个');
    expect(document.body.textContent).toContain('惠及群众 4.2 万户');
  });

  it('gets no corrections made on another version of the page', async () => {
    const { planId } = await capturePlan(db, { export: session.state().export, url: URL_OF_PAGE });
    const exp = session.state().export;
    await addCorrection(db, planId, { kind: 'rejectTarget', target: targetKeyOf(exp, exp.targets[0]!.id) });
    expect(await correctionsForPage(db, URL_OF_PAGE, sha256Hex(`${exp.document.text}。`))).toEqual([]);
    expect(await correctionsForPage(db, URL_OF_PAGE, sha256Hex(exp.document.text))).toHaveLength(1);
  });
});

describe('an OCR slip on a plan captured from an attachment', () => {
  it('is fixed throughout the plan: task, target clause and metric', async () => {
    const scanned = `${session.state().export.document.text}\n`;
    const exp = extractPlan(scanned, { id: sha256Hex(scanned), source: { kind: 'pdf', url: 'https://www.example.gov.cn/fj/plan.pdf', file: null } });
    const { planId } = await capturePlan(db, { export: exp, url: 'https://www.example.gov.cn/fj/plan.pdf' });
    await addCorrection(db, planId, { kind: 'fixText', from: '背街小埠', to: '背街小巷' });
    const plan = await getPlan(db, planId);
    const task = plan!.export.tasks.find((t) => t.text.includes('整治背街'));
    expect(task?.text).toContain('整治背街小巷。完成背街小巷整治120条');
    expect(plan!.export.targets.find((t) => t.value === 120)).toMatchObject({ metric: '背街小巷整治', text: '完成背街小巷整治120条' });
    expect(JSON.stringify(plan!.export.tasks)).not.toContain('背街小埠');
    // Later corrections name the task by its fixed text.
    await addCorrection(db, planId, { kind: 'renameUnit', task: taskKeyOf(plan!.export, task!.id), role: 'lead', from: '市城管局', to: '市城市管理局' });
    expect(await listCorrections(db, planId)).toHaveLength(2);
    await expect(addCorrection(db, planId, { kind: 'fixText', from: '背街小埠', to: '背街小巷' })).rejects.toMatchObject({ code: 'noMatch' });
  });
});
