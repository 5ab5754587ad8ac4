// One run of GovClip on a page: read, extract, highlight, explain targets on hover, follow the
// page when it re-renders. The content script creates one and answers messages through it.
import type { PageState } from '../messages.ts';
import { applyHighlights, type Highlighting } from './highlight.ts';
import { readLivePage, type LivePage, type MarkKind } from './read-live-page.ts';
import { createTooltip, describeTarget, type Tooltip } from './tooltip.ts';

const REANCHOR_DELAY_MS = 400;

export interface PageSession {
  state(): PageState;
  reveal(kind: MarkKind, id: string): boolean;
  selection(): string;
  dispose(): void;
}

export function startPageSession(doc: Document, url: string, onChange: (state: PageState) => void): PageSession {
  const win = doc.defaultView as Window & typeof globalThis;
  let page: LivePage;
  let highlighting: Highlighting;
  let status: PageState['status'] = 'ready';
  let note: string | null = null;
  let timings = { extractMs: 0, highlightMs: 0, totalMs: 0 };
  let anchoredTexts: string[] = [];
  const tooltip: Tooltip = createTooltip(doc);

  const run = () => {
    const started = performance.now();
    page = readLivePage(doc, url);
    const extracted = performance.now();
    highlighting?.clear();
    highlighting = applyHighlights(doc, page.marks);
    const done = performance.now();
    timings = { extractMs: extracted - started, highlightMs: done - extracted, totalMs: done - started };
    anchoredTexts = page.marks.map((mark) => mark.range.toString());
  };

  const observer = new win.MutationObserver((records) => {
    if (records.every((record) => tooltipOwns(record.target))) return;
    schedule();
  });
  const observe = () => observer.observe(doc.body ?? doc.documentElement, { childList: true, characterData: true, subtree: true });
  const tooltipOwns = (node: Node) => node.nodeName === 'GOVCLIP-TOOLTIP' || node.parentNode?.nodeName === 'GOVCLIP-TOOLTIP';

  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(reanchor, REANCHOR_DELAY_MS);
  };

  /** Still anchored when every highlighted range still reads the text it had. */
  const stillAnchored = () => page.marks.every((mark, k) => mark.range.startContainer.isConnected && mark.range.endContainer.isConnected && mark.range.toString() === anchoredTexts[k]);

  const reanchor = () => {
    if (page.marks.length > 0 && stillAnchored()) return;
    const before = page.export.document.id;
    observer.disconnect();
    try {
      run();
    } finally {
      observe();
    }
    if (page.export.document.text.trim() === '' || page.marks.length === 0 && before !== page.export.document.id) {
      status = 'lost';
      note = 'the plan text is no longer on the page: highlights removed';
    } else if (page.export.document.id === before) {
      status = 'ready';
      note = 'the page re-rendered: highlights re-anchored';
    } else {
      status = 'changed';
      note = 'the page text changed: read again';
    }
    onChange(state());
  };

  const targetAt = (x: number, y: number): string | null => {
    const caret = (doc as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null }).caretPositionFromPoint?.(x, y);
    const legacy = caret ? null : doc.caretRangeFromPoint?.(x, y);
    const node = caret?.offsetNode ?? legacy?.startContainer;
    const offset = caret?.offset ?? legacy?.startOffset ?? 0;
    if (!node) return null;
    for (const target of page.export.targets) {
      for (const range of highlighting.rangesOf('target', target.id)) {
        try {
          if (range.comparePoint(node, offset) === 0) return target.id;
        } catch {
          // A point in another document or a detached node: not this range.
        }
      }
    }
    return null;
  };

  const describe = (id: string) => {
    const target = page.export.targets.find((t) => t.id === id);
    return target ? describeTarget(target) : null;
  };

  let pending = false;
  const onMouseMove = (event: MouseEvent) => {
    if (pending) return;
    pending = true;
    win.requestAnimationFrame(() => {
      pending = false;
      const id = targetAt(event.clientX, event.clientY);
      const text = id && describe(id);
      if (text) tooltip.show(text, event.clientX, event.clientY);
      else tooltip.hide();
    });
  };
  // Wrapped targets are focusable: keyboard users get the same parse.
  const onFocusIn = (event: FocusEvent) => {
    const element = event.target as HTMLElement | null;
    const id = element?.dataset?.govclipKind === 'target' ? element.dataset.govclipId : undefined;
    const text = id && describe(id);
    if (!text || !element) return;
    const box = element.getBoundingClientRect();
    tooltip.show(text, box.left, box.bottom - 10);
  };

  run();
  observe();
  doc.addEventListener('mousemove', onMouseMove, { passive: true });
  doc.addEventListener('focusin', onFocusIn);
  doc.addEventListener('focusout', () => tooltip.hide());

  const state = (): PageState => ({
    status,
    url,
    export: page.export,
    mode: highlighting.mode,
    counts: highlighting.counts,
    unanchored: page.unanchored,
    attachments: page.attachments,
    timings,
    note,
  });

  return {
    state,
    reveal(kind, id) {
      const range = highlighting.flash(kind, id);
      if (!range) return false;
      const element = range.startContainer.nodeType === Node.ELEMENT_NODE ? (range.startContainer as Element) : range.startContainer.parentElement;
      element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      if (kind === 'target') {
        const text = describe(id);
        const box = range.getBoundingClientRect();
        if (text) setTimeout(() => tooltip.show(text, box.left, Math.max(8, win.innerHeight / 2 - 10)), 350);
        setTimeout(() => tooltip.hide(), 3000);
      }
      return true;
    },
    selection: () => win.getSelection()?.toString() ?? '',
    dispose() {
      clearTimeout(timer);
      observer.disconnect();
      doc.removeEventListener('mousemove', onMouseMove);
      doc.removeEventListener('focusin', onFocusIn);
      highlighting.clear();
      tooltip.remove();
    },
  };
}
