// @vitest-environment jsdom
// The side panel's lists: one tab stop each with arrows within, and the unit filter narrowing the
// units list as well as the tasks and targets.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
vi.mock('wxt/browser', async () => ({ browser: (await import('./support/locale-browser.ts')).localeBrowser() }));
import { extractPlan } from '../../shared/extract.ts';
import { renderPlan } from '../../extension/lib/ui/plan-view.ts';

const HUINING = readFileSync(join(import.meta.dirname, '../../fixtures/seeds/004_1b546d98361b8941.txt'), 'utf8');
const exp = extractPlan(HUINING, { id: '0'.repeat(64), source: { kind: 'text', url: null, file: 'huining.txt' } });

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
