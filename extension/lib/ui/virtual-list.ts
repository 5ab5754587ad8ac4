// A list that renders only the rows in view: the library stays responsive with hundreds of plans.
import { clear, el } from './dom.ts';

export interface VirtualList<T> {
  element: HTMLElement;
  setItems(items: readonly T[]): void;
  refresh(): void;
}

export function virtualList<T>(rowHeight: number, renderRow: (item: T, index: number) => HTMLElement, label: string): VirtualList<T> {
  const spacer = el('div', { class: 'vl-spacer' });
  const window = el('div', { class: 'vl-window', attrs: { role: 'list' } });
  const element = el('div', { class: 'vl', attrs: { tabindex: -1, 'aria-label': label } }, spacer, window);
  let items: readonly T[] = [];
  const OVERSCAN = 6;
  const draw = () => {
    const first = Math.max(0, Math.floor(element.scrollTop / rowHeight) - OVERSCAN);
    const count = Math.ceil((element.clientHeight || 600) / rowHeight) + OVERSCAN * 2;
    clear(window);
    window.style.transform = `translateY(${first * rowHeight}px)`;
    for (let index = first; index < Math.min(items.length, first + count); index++) {
      const row = renderRow(items[index] as T, index);
      row.style.height = `${rowHeight}px`;
      row.setAttribute('role', 'listitem');
      window.appendChild(row);
    }
  };
  let frame = 0;
  element.addEventListener('scroll', () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(draw);
  }, { passive: true });
  return {
    element,
    setItems(next) {
      items = next;
      spacer.style.height = `${items.length * rowHeight}px`;
      draw();
    },
    refresh: draw,
  };
}
