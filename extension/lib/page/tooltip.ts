// The parse of a target, shown on hover or focus: `metric · ≥ 90 % · 2020`. It lives in a closed
// shadow root so the page's styles neither restyle it nor see it; its content is text only.
import { formatQuantity } from '../../../shared/format-target.ts';
import type { TargetExport } from '../../../shared/schema.ts';
import { addStyles } from './highlight.ts';

export function describeTarget(target: Pick<TargetExport, 'metric' | 'op' | 'value' | 'max' | 'unit' | 'year'>): string {
  return [target.metric, formatQuantity(target), target.year === null ? '' : String(target.year)].filter((part) => part !== '').join(' · ');
}

const TOOLTIP_CSS = `
:host { all: initial; }
.tip { position: fixed; z-index: 2147483647; max-width: 420px; padding: 6px 9px; border-radius: 6px;
  background: #1f2937; color: #fff; font: 13px/1.45 system-ui, "Noto Sans CJK SC", sans-serif; box-shadow: 0 2px 8px rgba(0,0,0,.3);
  pointer-events: none; }
.tip[hidden] { display: none; }
`;

export interface Tooltip {
  show(text: string, x: number, y: number): void;
  hide(): void;
  remove(): void;
}

export function createTooltip(doc: Document): Tooltip {
  const host = doc.createElement('govclip-tooltip');
  const shadow = host.attachShadow({ mode: 'closed' });
  const win = doc.defaultView as Window & typeof globalThis;
  addStyles(shadow, TOOLTIP_CSS, 'govclip-tooltip-style');
  const tip = doc.createElement('div');
  tip.className = 'tip';
  tip.hidden = true;
  tip.setAttribute('role', 'tooltip');
  shadow.appendChild(tip);
  doc.documentElement.appendChild(host);
  return {
    show(text, x, y) {
      tip.textContent = text;
      tip.hidden = false;
      const width = Math.min(420, win.innerWidth - 16);
      tip.style.left = `${Math.max(8, Math.min(x + 12, win.innerWidth - width - 8))}px`;
      tip.style.top = `${y + 18 > win.innerHeight - 40 ? y - 40 : y + 18}px`;
    },
    hide() {
      tip.hidden = true;
    },
    remove() {
      host.remove();
    },
  };
}
