// A plan's normalised text with its items marked, built from text nodes and <mark> elements only:
// the library shows where every figure came from even when the page is gone.
import type { GovClipExport } from '../../../shared/schema.ts';
import { headingSpan } from '../page/heading.ts';
import type { MarkKind } from '../page/read-live-page.ts';
import { el } from './dom.ts';

interface Mark {
  start: number;
  end: number;
  kind: MarkKind;
  id: string;
}

export function sourceText(exp: GovClipExport): { element: HTMLElement; reveal(kind: MarkKind, id: string): boolean } {
  const marks: Mark[] = [
    ...exp.targets.map((t): Mark => ({ start: t.span[0], end: t.span[1], kind: 'target', id: t.id })),
    ...exp.units.flatMap((u) => u.spans.map((s): Mark => ({ start: s[0], end: s[1], kind: 'unit', id: u.name }))),
    ...exp.tasks.map((task): Mark => {
      const [start, end] = headingSpan(exp.document.text, task.span, task.title);
      return { start, end, kind: 'task', id: task.id };
    }),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  const text = exp.document.text;
  const element = el('div', { class: 'source-text', attrs: { tabindex: 0 } });
  let at = 0;
  for (const mark of marks) {
    // Overlaps (a target inside a task heading) keep the earlier mark whole.
    if (mark.start < at) continue;
    if (mark.start > at) element.appendChild(document.createTextNode(text.slice(at, mark.start)));
    element.appendChild(el('mark', { attrs: { 'data-govclip-kind': mark.kind, 'data-govclip-id': mark.id } }, text.slice(mark.start, mark.end)));
    at = mark.end;
  }
  element.appendChild(document.createTextNode(text.slice(at)));
  return {
    element,
    reveal(kind, id) {
      const found = Array.from(element.querySelectorAll<HTMLElement>('mark')).find((m) => m.dataset.govclipKind === kind && m.dataset.govclipId === id);
      if (!found) return false;
      found.scrollIntoView({ block: 'center' });
      found.classList.add('govclip-flash');
      setTimeout(() => found.classList.remove('govclip-flash'), 1600);
      return true;
    },
  };
}
