// @vitest-environment jsdom
// Targets on the page reached from the keyboard: n / p step through them (the Highlight API has
// nothing focusable), and in the <mark> fallback a target is one tab stop however many elements
// its words were split into.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plainContext, startPageSession, type PageSession } from '../../extension/lib/page/page-session.ts';
import { extractPageText } from '../../extension/lib/page/read-live-page.ts';

// A target whose words cross an element (<b>), so the fallback wraps it in two <mark>s.
const PAGE = `<h1>某市2024年民生实事实施方案</h1><div class="article">
<p>一、主要任务</p>
<p>(一)推进棚户区改造。基本建成安置房不少于<b>8000</b>套。(牵头单位:市住建局)</p>
<p>(二)提升公共服务。新建社区食堂30个,城市生活垃圾无害化处理率达到100%。(牵头单位:市民政局)</p>
</div>`;

let session: PageSession;
let ctx: ReturnType<typeof plainContext>;
/** The cursor moves the page announced (the side panel's current row follows them). */
let moves: string[];

beforeEach(async () => {
  document.body.innerHTML = PAGE;
  delete document.body.dataset.govclipRevealed;
  // jsdom lays nothing out: scrolling is a no-op here.
  Element.prototype.scrollIntoView = () => undefined;
  Range.prototype.getBoundingClientRect = () => ({ top: 10, bottom: 30, left: 10, right: 80, width: 70, height: 20, x: 10, y: 10, toJSON: () => ({}) });
  ctx = plainContext(window);
  moves = [];
  session = await startPageSession(document, 'https://www.example.gov.cn/plan.html', ctx, () => undefined, extractPageText, (id) => moves.push(id));
});

afterEach(() => ctx.invalidate());

const press = (key: string, target: EventTarget = document.body) => target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));

describe('targets from the keyboard', () => {
  it('steps through the targets with n and p, wrapping at the ends, and reveals each', async () => {
    const targets = session.state().export.targets.map((t) => t.id);
    expect(targets.length).toBe(3);
    press('n');
    await new Promise((done) => setTimeout(done, 0));
    expect(document.body.dataset.govclipRevealed).toBe(`target:${targets[0]}`);
    press('n');
    press('n');
    await new Promise((done) => setTimeout(done, 0));
    expect(document.body.dataset.govclipRevealed).toBe(`target:${targets[2]}`);
    press('n');
    await new Promise((done) => setTimeout(done, 0));
    expect(document.body.dataset.govclipRevealed).toBe(`target:${targets[0]}`);
    press('p');
    await new Promise((done) => setTimeout(done, 0));
    expect(document.body.dataset.govclipRevealed).toBe(`target:${targets[2]}`);
  });

  it('goes on from the target the side panel revealed, and announces each move of the cursor', async () => {
    const [housing, canteens, garbage] = session.state().export.targets.map((t) => t.id) as [string, string, string];
    // The panel (a click, or arrowing down its targets list) reveals the second target: the cursor is there.
    expect(await session.reveal('target', canteens)).toBe(true);
    expect(session.state().cursor).toBe(canteens);
    press('n');
    await new Promise((done) => setTimeout(done, 0));
    expect(document.body.dataset.govclipRevealed).toBe(`target:${garbage}`);
    press('p');
    press('p');
    await new Promise((done) => setTimeout(done, 0));
    expect(document.body.dataset.govclipRevealed).toBe(`target:${housing}`);
    expect(moves).toEqual([canteens, garbage, canteens, housing]);
    // Revealing a unit or a task leaves the target cursor where it is.
    const unit = session.state().export.units[0]?.name as string;
    expect(await session.reveal('unit', unit)).toBe(true);
    expect(session.state().cursor).toBe(housing);
    expect(moves).toHaveLength(4);
  });

  it('leaves n and p alone while the user types in a field', () => {
    const input = document.createElement('input');
    document.body.append(input);
    expect(press('n', input)).toBe(true);
    expect(document.body.dataset.govclipRevealed).toBeUndefined();
  });

  it('makes each target one tab stop in the <mark> fallback', () => {
    const housing = session.state().export.targets.find((t) => t.value === 8000);
    const marks = [...document.querySelectorAll<HTMLElement>(`mark[data-govclip-kind="target"][data-govclip-id="${housing?.id}"]`)];
    expect(marks.length).toBeGreaterThan(1);
    expect(marks.filter((m) => m.tabIndex === 0)).toHaveLength(1);
    const stops = [...document.querySelectorAll<HTMLElement>('mark[data-govclip-kind="target"]')].filter((m) => m.tabIndex === 0);
    expect(stops).toHaveLength(session.state().export.targets.length);
  });

  it('removes its listeners when the extension goes away', () => {
    ctx.invalidate();
    press('n');
    expect(document.body.dataset.govclipRevealed).toBeUndefined();
    expect(document.querySelector('mark[data-govclip-kind]')).toBeNull();
  });
});

describe('revealing a target', () => {
  it('scrolls without animation when the reader asks for reduced motion, and flashes only once the scroll is over', async () => {
    const calls: ScrollIntoViewOptions[] = [];
    Element.prototype.scrollIntoView = function (options?: boolean | ScrollIntoViewOptions) {
      calls.push(options as ScrollIntoViewOptions);
    };
    // Off screen, so a scroll is needed.
    Range.prototype.getBoundingClientRect = () => ({ top: 2000, bottom: 2020, left: 10, right: 80, width: 70, height: 20, x: 10, y: 2000, toJSON: () => ({}) });
    const target = session.state().export.targets[0]?.id as string;
    window.matchMedia = ((query: string) => ({ matches: query.includes('reduce'), media: query })) as unknown as typeof window.matchMedia;
    expect(await session.reveal('target', target)).toBe(true);
    // 'instant', not 'auto': a site whose CSS says scroll-behavior: smooth would animate an 'auto' scroll.
    expect(calls.at(-1)).toMatchObject({ behavior: 'instant' });
    expect(document.querySelector('mark.govclip-flash')).not.toBeNull();

    // With motion: smooth, and no flash until the page says the scroll ended.
    window.matchMedia = ((query: string) => ({ matches: false, media: query })) as unknown as typeof window.matchMedia;
    document.querySelectorAll('mark.govclip-flash').forEach((mark) => mark.classList.remove('govclip-flash'));
    const revealing = session.reveal('target', target);
    expect(calls.at(-1)).toMatchObject({ behavior: 'smooth' });
    await new Promise((done) => setTimeout(done, 50));
    expect(document.querySelector('mark.govclip-flash')).toBeNull();
    document.dispatchEvent(new Event('scrollend'));
    await revealing;
    expect(document.querySelector('mark.govclip-flash')).not.toBeNull();
  });

  it('does not scroll to a target already in view, and flashes it at once', async () => {
    const calls: unknown[] = [];
    Element.prototype.scrollIntoView = function (options?: boolean | ScrollIntoViewOptions) {
      calls.push(options);
    };
    window.matchMedia = ((query: string) => ({ matches: false, media: query })) as unknown as typeof window.matchMedia;
    // In view (the default box of this file: top 10, bottom 30).
    expect(await session.reveal('target', session.state().export.targets[1]?.id as string)).toBe(true);
    expect(calls).toEqual([]);
    expect(document.querySelector('mark.govclip-flash')).not.toBeNull();
  });
});
