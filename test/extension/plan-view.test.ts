// @vitest-environment jsdom
// The side panel's lists: one tab stop each with arrows within, and the unit filter narrowing the
// units list as well as the tasks and targets.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
vi.mock('wxt/browser', async () => ({ browser: (await import('./support/locale-browser.ts')).localeBrowser() }));
import { extractPlan } from '../../shared/extract.ts';
import { renderPlan, showCurrentTarget } from '../../extension/lib/ui/plan-view.ts';

const HUINING = readFileSync(join(import.meta.dirname, '../../fixtures/seeds/004_1b546d98361b8941.txt'), 'utf8');
const exp = extractPlan(HUINING, { id: '0'.repeat(64), source: { kind: 'text', url: null, file: 'huining.txt' } });
const press = (key: string) => (document.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
/** Buttons Tab stops on inside an element. */
const tabStops = (root: Element) => [...root.querySelectorAll<HTMLElement>('button')].filter((b) => b.tabIndex >= 0);
/** The plan as the side panel shows it: with its correction buttons. */
const withCorrections = { onEditTarget: () => undefined, onRejectTarget: () => undefined, onRenameUnit: () => undefined };

describe('the plan view', () => {
  it('makes each list one tab stop, moved with the arrow keys, Home and End', () => {
    document.body.replaceChildren(renderPlan(exp));
    const list = document.querySelector('ol.tasks') as HTMLElement;
    const items = [...list.querySelectorAll<HTMLElement>('button.item')];
    expect(items.length).toBeGreaterThan(5);
    expect(items.filter((item) => item.tabIndex === 0)).toEqual([items[0]]);
    items[0]?.focus();
    list.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(document.activeElement).toBe(items[1]);
    expect(items.filter((item) => item.tabIndex === 0)).toEqual([items[1]]);
    list.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    expect(document.activeElement).toBe(items.at(-1));
    // The targets table and the units list are one stop each too.
    for (const selector of ['table.targets', 'ul.unit-list']) {
      expect([...document.querySelectorAll<HTMLElement>(`${selector} button.item`)].filter((b) => b.tabIndex === 0)).toHaveLength(1);
    }
  });

  it('keeps each list one tab stop with its ✎ and ✕ buttons, reached with ← and → within a row', () => {
    document.body.replaceChildren(renderPlan(exp, withCorrections));
    for (const selector of ['ol.tasks', 'table.targets', 'ul.unit-list']) expect(tabStops(document.querySelector(selector) as Element), selector).toHaveLength(1);
    const table = document.querySelector('table.targets') as HTMLElement;
    const [first, second] = [...table.querySelectorAll('tbody tr')] as [HTMLElement, HTMLElement];
    (first.querySelector('button.item') as HTMLElement).focus();
    press('ArrowRight');
    expect(document.activeElement).toBe(first.querySelector('button[title="更正指标"]'));
    press('ArrowRight');
    expect(document.activeElement).toBe(first.querySelector('button[title="不是指标"]'));
    // Tab leaves the table from here and comes back here.
    expect(tabStops(table)).toEqual([document.activeElement]);
    press('ArrowDown');
    expect(document.activeElement).toBe(second.querySelector('button.item'));
    press('ArrowLeft');
    expect(document.activeElement).toBe(second.querySelector('button.item'));
    // A unit chip's ✎ is the chip's row.
    const chip = document.querySelector('ol.tasks .chip') as HTMLElement;
    (chip.querySelector('button.item') as HTMLElement).focus();
    press('ArrowRight');
    expect(document.activeElement).toBe(chip.querySelector('button.edit'));
    expect(tabStops(document.querySelector('ol.tasks') as Element)).toEqual([document.activeElement]);
  });

  it('makes the 待核对 list one tab stop too', () => {
    document.body.replaceChildren(renderPlan(exp, { kind: 'review' }));
    const review = document.querySelector('ul.review') as HTMLElement;
    expect(review.querySelectorAll('button.item').length).toBeGreaterThan(1);
    expect(tabStops(review)).toHaveLength(1);
  });

  it('moves the page cursor when the reader arrows onto a target, in the table and in the task tree', () => {
    const cursor: string[] = [];
    document.body.replaceChildren(renderPlan(exp, { ...withCorrections, onCursor: (id) => cursor.push(id) }));
    const [g1, g2] = exp.targets.map((target) => target.id);
    (document.querySelector(`table.targets button.item[data-target-id="${g1}"]`) as HTMLElement).focus();
    press('ArrowDown');
    press('End');
    expect(cursor).toEqual([g2, exp.targets.at(-1)?.id]);
    // In the tree, arrowing onto a task heading or a unit moves no cursor; onto a target line it does.
    const task = exp.tasks.find((item) => item.targetIds.length > 0) as (typeof exp.tasks)[number];
    const tree = [...document.querySelectorAll<HTMLElement>('ol.tasks button.item')];
    const heading = tree.findIndex((button) => button.dataset.taskId === task.id);
    tree[heading]?.focus();
    cursor.length = 0;
    let steps = 0;
    while (!(document.activeElement as HTMLElement).dataset.targetId && steps++ < 20) press('ArrowDown');
    expect(cursor).toEqual([task.targetIds[0]]);
  });

  it('marks the target under the page cursor in each list that shows it, without taking the focus', () => {
    document.body.replaceChildren(renderPlan(exp));
    const id = exp.targets[4]?.id as string;
    const filter = document.createElement('select');
    document.body.append(filter);
    filter.focus();
    const row = showCurrentTarget(document.body, id);
    expect(row?.closest('table.targets')).not.toBeNull();
    const marked = [...document.querySelectorAll<HTMLElement>('button.item.current')];
    expect(marked.map((button) => button.dataset.targetId)).toEqual([id, id]);
    expect(marked.every((button) => button.getAttribute('aria-current') === 'true' && button.tabIndex === 0)).toBe(true);
    expect(document.activeElement).toBe(filter);
    showCurrentTarget(document.body, exp.targets[5]?.id as string);
    expect([...document.querySelectorAll<HTMLElement>('button.item.current')].map((button) => button.dataset.targetId)).toEqual([exp.targets[5]?.id, exp.targets[5]?.id]);
  });

  it('narrows the units list to the chosen unit, with its tasks and targets', () => {
    const unit = exp.units.find((u) => u.taskIds.length > 1) as (typeof exp.units)[number];
    document.body.replaceChildren(renderPlan(exp, { unit: unit.canonical }));
    const units = [...document.querySelectorAll('ul.unit-list > li > button.item')].map((b) => b.textContent);
    expect(units.length).toBeGreaterThan(0);
    expect(units.length).toBeLessThan(exp.units.length);
    expect(units.every((name) => exp.units.some((u) => u.name === name && u.canonical === unit.canonical))).toBe(true);
    expect(document.querySelectorAll('ol.tasks > li').length).toBe(exp.tasks.filter((t) => [...t.leadUnits, ...t.responsibleUnits].some((n) => exp.units.some((u) => u.name === n && u.canonical === unit.canonical))).length);
  });
});
