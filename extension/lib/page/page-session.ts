// One run of GovClip on a page: read, extract, highlight, explain targets on hover, follow the
// page when it re-renders. The content script creates one and answers messages through it.
// Listeners and timers go through the script's context, so a reloaded or updated extension
// leaves nothing behind on the page.
import type { GovClipExport } from '../../../shared/schema.ts';
import type { PageState } from '../messages.ts';
import { applyCorrectionsDetailed } from '../store/apply-corrections.ts';
import type { Correction } from '../store/types.ts';
import type { SelectedText } from '../ui/correction-dialog.ts';
import { applyHighlights, type Highlighting } from './highlight.ts';
import { anchorExtraction, markPlan, readPageText, type LivePage, type MarkKind, type PageExtraction, type PageText } from './read-live-page.ts';
import { rangeToSpan } from './selection-span.ts';
import { createTooltip, describeTarget, type Tooltip } from './tooltip.ts';

const REANCHOR_DELAY_MS = 400;
/** How long a revealed item flashes once it is in view. */
const FLASH_MS = 1600;
/** A smooth scroll that sends no scrollend (older engines) is over by then. */
const SCROLL_FALLBACK_MS = 700;

/** The part of WXT's ContentScriptContext a session uses (tests pass a plain one). */
export interface SessionContext {
  addEventListener(target: EventTarget, type: string, handler: (event: never) => void, options?: AddEventListenerOptions): void;
  setTimeout(handler: () => void, ms?: number): number;
  requestAnimationFrame(callback: FrameRequestCallback): number;
  onInvalidated(callback: () => void): () => void;
}

/** A context for tests and tools: everything it registered goes when it is invalidated. */
export function plainContext(win: Window): SessionContext & { invalidate(): void } {
  const controller = new AbortController();
  const callbacks: Array<() => void> = [];
  const timers = new Set<number>();
  return {
    addEventListener: (target, type, handler, options) => target.addEventListener(type, handler as EventListener, { ...options, signal: controller.signal }),
    setTimeout: (handler, ms) => {
      const id = win.setTimeout(() => {
        timers.delete(id);
        handler();
      }, ms);
      timers.add(id);
      return id;
    },
    requestAnimationFrame: (callback) => win.requestAnimationFrame(callback),
    onInvalidated: (callback) => {
      callbacks.push(callback);
      return () => callbacks.splice(callbacks.indexOf(callback), 1);
    },
    invalidate() {
      controller.abort();
      for (const id of timers) win.clearTimeout(id);
      for (const callback of callbacks.splice(0)) callback();
    },
  };
}

export interface PageSession {
  state(): PageState;
  /** Scrolls an item into view, flashes it once the scroll ends; resolves false when it is not on the page. */
  reveal(kind: MarkKind, id: string): Promise<boolean>;
  /** The selected words as the plan's text reads them, and where they are in it. */
  selection(): SelectedText;
  /**
   * The user's corrections of this page's plan (from the library): the page then shows the
   * corrected plan, through re-renders too. Returns how many found their item.
   */
  setCorrections(corrections: readonly Correction[]): number;
  /** Moves the page's target cursor and reveals that target; returns its id (null: no targets). */
  step(direction: 'next' | 'previous'): string | null;
  /** The target under the keyboard cursor (moved by n / p and by revealing a target), if any. */
  cursor(): string | null;
  dispose(): void;
}

/** Runs the core on a page's text: here, or elsewhere (the background) so the page's thread stays free. */
export type Extractor = (page: PageText) => PageExtraction | Promise<PageExtraction>;

/** Starts a session; it resolves once the page is read, extracted and highlighted. `onCursor` hears each move of the target cursor. */
export async function startPageSession(doc: Document, url: string, ctx: SessionContext, onChange: (state: PageState) => void, extract: Extractor, onCursor: (targetId: string) => void = () => undefined): Promise<PageSession> {
  const win = doc.defaultView as Window & typeof globalThis;
  let page: LivePage;
  let highlighting: Highlighting;
  let status: PageState['status'] = 'ready';
  let note: PageState['note'] = null;
  let timings = { extractMs: 0, highlightMs: 0, totalMs: 0 };
  let anchoredTexts: string[] = [];
  let corrections: readonly Correction[] = [];
  /** The plan the page shows: the extraction with the user's corrections applied. */
  let plan: GovClipExport;
  let applied = 0;
  /** The target under the keyboard cursor (null: not started); by id, so it survives a re-highlight. */
  let cursorTarget: string | null = null;
  let disposed = false;
  const tooltip: Tooltip = createTooltip(doc);

  /** Applies the corrections to the current extraction and highlights the result. */
  const highlightPlan = (marksAreFresh: boolean) => {
    const outcome = corrections.length > 0 ? applyCorrectionsDetailed(page.export, corrections) : { export: page.export, applied: [] };
    plan = outcome.export;
    applied = outcome.applied.filter(Boolean).length;
    // Unwrapped first: the reader's anchors name the page's text nodes as they were before wrapping.
    highlighting?.clear();
    // readLivePage marked the extraction; any other plan (or a return to it) is marked afresh.
    if (!marksAreFresh || plan !== page.export) Object.assign(page, markPlan(doc, plan, page));
    highlighting = applyHighlights(doc, page.marks);
    anchoredTexts = page.marks.map((mark) => mark.range.toString());
  };

  /** Read → extract → anchor and highlight. Only the reading and anchoring touch the page. */
  const run = async () => {
    const started = performance.now();
    // The page is read without our marks in it, so its anchors stay valid once they are gone.
    quietly(() => highlighting?.clear());
    const { text, segments } = readPageText(doc, url);
    const extraction = await extract(text);
    const extracted = performance.now();
    if (disposed) return;
    quietly(() => {
      page = anchorExtraction(doc, url, segments, extraction);
      highlightPlan(true);
    });
    const done = performance.now();
    timings = { extractMs: extracted - started, highlightMs: done - extracted, totalMs: done - started };
  };

  const observer = new win.MutationObserver((records) => {
    if (running) return;
    if (records.every((record) => tooltipOwns(record.target))) return;
    schedule();
  });
  /** Off until the first run is done: a page that changes meanwhile is read again by that run's check. */
  let observing = false;
  const observe = () => {
    observing = true;
    observer.observe(doc.body ?? doc.documentElement, { childList: true, characterData: true, subtree: true });
  };
  const tooltipOwns = (node: Node) => node.nodeName === 'GOVCLIP-TOOLTIP' || node.parentNode?.nodeName === 'GOVCLIP-TOOLTIP';
  /** Changes the session makes itself (wrapping marks) are not the page re-rendering. */
  const quietly = (change: () => void) => {
    const was = observing;
    observer.disconnect();
    try {
      change();
    } finally {
      if (was) observe();
    }
  };

  let timer: number | undefined;
  const schedule = () => {
    win.clearTimeout(timer);
    timer = ctx.setTimeout(() => void reanchor(), REANCHOR_DELAY_MS);
  };

  /** Still anchored when every highlighted range still reads the text it had. */
  const stillAnchored = () => page.marks.every((mark, k) => mark.range.startContainer.isConnected && mark.range.endContainer.isConnected && mark.range.toString() === anchoredTexts[k]);

  let running: Promise<void> | null = null;
  const reanchor = async () => {
    if (disposed || running || (page.marks.length > 0 && stillAnchored())) return;
    const before = page.export.document.id;
    running = run();
    try {
      await running;
    } finally {
      running = null;
    }
    if (disposed) return;
    if (page.export.document.text.trim() === '' || page.marks.length === 0 && before !== page.export.document.id) {
      status = 'lost';
      note = 'noteLost';
    } else if (page.export.document.id === before) {
      status = 'ready';
      note = 'noteRerendered';
    } else {
      status = 'changed';
      note = 'noteChanged';
    }
    onChange(state());
  };

  const targetAt = (x: number, y: number): string | null => {
    const caret = (doc as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null }).caretPositionFromPoint?.(x, y);
    const legacy = caret ? null : doc.caretRangeFromPoint?.(x, y);
    const node = caret?.offsetNode ?? legacy?.startContainer;
    const offset = caret?.offset ?? legacy?.startOffset ?? 0;
    if (!node) return null;
    for (const target of plan.targets) {
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
    const target = plan.targets.find((t) => t.id === id);
    return target ? describeTarget(target) : null;
  };

  let pending = false;
  const onMouseMove = (event: MouseEvent) => {
    if (pending) return;
    pending = true;
    ctx.requestAnimationFrame(() => {
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

  const reducedMotion = () => win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

  /** Resolves once the page stops scrolling (scrollend, or a fallback where it is not sent). */
  const scrolled = (smooth: boolean) => new Promise<void>((resolve) => {
    if (!smooth) {
      resolve();
      return;
    }
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve();
    };
    ctx.addEventListener(doc, 'scrollend', finish, { once: true, capture: true });
    ctx.addEventListener(win, 'scrollend', finish, { once: true });
    ctx.setTimeout(finish, SCROLL_FALLBACK_MS);
  });

  /** The tooltip's hide timer: a newer reveal's tooltip is not hidden by an older one's timer. */
  let tooltipTimer: number | undefined;

  /** Puts the target cursor on a target and says so to the panel. */
  const moveCursor = (id: string) => {
    cursorTarget = id;
    onCursor(id);
  };

  const reveal = async (kind: MarkKind, id: string): Promise<boolean> => {
    const ranges = highlighting.rangesOf(kind, id);
    const range = ranges[0];
    if (!range) return false;
    // A target revealed from the panel (a click, or arrowing through its list) is where n / p go on from.
    if (kind === 'target' && cursorTarget !== id) moveCursor(id);
    const element = range.startContainer.nodeType === Node.ELEMENT_NODE ? (range.startContainer as Element) : range.startContainer.parentElement;
    const box = range.getBoundingClientRect();
    const inView = box.top >= 0 && box.bottom <= win.innerHeight;
    const smooth = !reducedMotion() && !inView;
    // In view: no scroll at all. Reduced motion: 'instant', since 'auto' follows the site's own
    // CSS (scroll-behavior: smooth) and would animate, with the flash starting mid-scroll.
    if (!inView) element?.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'instant' });
    await scrolled(smooth);
    if (disposed) return true;
    // The flash starts where the reader can see it: after the scroll.
    highlighting.flash(kind, id, FLASH_MS);
    if (kind === 'target') {
      const text = describe(id);
      const now = range.getBoundingClientRect();
      // Below the words, as for a focused mark: the tooltip never covers the target it explains.
      if (text) tooltip.show(text, now.left, now.bottom - 10);
      win.clearTimeout(tooltipTimer);
      tooltipTimer = ctx.setTimeout(() => tooltip.hide(), 3000);
    }
    doc.body?.setAttribute('data-govclip-revealed', `${kind}:${id}`);
    return true;
  };

  const step = (direction: 'next' | 'previous'): string | null => {
    const count = plan.targets.length;
    if (count === 0) return null;
    const at = plan.targets.findIndex((target) => target.id === cursorTarget);
    const target = plan.targets[direction === 'next' ? (at + 1) % count : (at <= 0 ? count - 1 : at - 1)];
    if (!target) return null;
    moveCursor(target.id);
    void reveal('target', target.id);
    return target.id;
  };

  /** n / p step through the targets while the page (not a field) has focus: keyboard access in Highlight API mode. */
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    const focused = event.target as HTMLElement | null;
    if (focused?.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(focused?.tagName ?? '')) return;
    if (event.key !== 'n' && event.key !== 'p') return;
    if (step(event.key === 'n' ? 'next' : 'previous') !== null) event.preventDefault();
  };

  await run();
  observe();
  // Changed while it was being extracted: check the anchors now.
  if (!stillAnchored()) schedule();
  ctx.addEventListener(doc, 'mousemove', onMouseMove, { passive: true });
  ctx.addEventListener(doc, 'focusin', onFocusIn);
  ctx.addEventListener(doc, 'focusout', () => tooltip.hide());
  ctx.addEventListener(doc, 'keydown', onKeyDown);

  const state = (): PageState => ({
    status,
    url,
    export: page.export,
    corrected: corrections.length > 0 ? plan : null,
    corrections: applied,
    mode: highlighting.mode,
    counts: highlighting.counts,
    unanchored: page.unanchored,
    attachments: page.attachments,
    timings,
    note,
    cursor: cursorTarget && plan.targets.some((target) => target.id === cursorTarget) ? cursorTarget : null,
  });

  const dispose = () => {
    if (disposed) return;
    disposed = true;
    win.clearTimeout(timer);
    observing = false;
    observer.disconnect();
    highlighting.clear();
    tooltip.remove();
  };
  ctx.onInvalidated(dispose);

  return {
    state,
    reveal,
    selection() {
      const selection = win.getSelection();
      const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
      const text = plan.document.text;
      const span = range ? rangeToSpan(range, page.segments, page.sourceOffsets, text) : null;
      // Off the plan's text (a menu, the page footer): the words as selected, found later by text.
      return span ? { text: text.slice(span[0], span[1]), span } : { text: selection?.toString().trim() ?? '', span: null };
    },
    setCorrections(next) {
      corrections = [...next];
      quietly(() => highlightPlan(false));
      return applied;
    },
    step,
    cursor: () => state().cursor,
    dispose,
  };
}
