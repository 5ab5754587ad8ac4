// Highlights on the page. The CSS Custom Highlight API paints ranges without touching the page's
// DOM, so the site's scripts and layout are unaffected; where it is missing, the text is wrapped
// in <mark> elements instead. Styles go in as constructed style sheets, which a page's CSP allows.
import type { MarkKind, PageMark } from './read-live-page.ts';

export const HIGHLIGHT_NAMES: Record<MarkKind | 'flash', string> = {
  target: 'govclip-target',
  unit: 'govclip-unit',
  task: 'govclip-task',
  flash: 'govclip-flash',
};

// Three styles told apart without colour alone: targets filled, units underlined, tasks outlined text.
const HIGHLIGHT_CSS = `
::highlight(govclip-target) { background-color: rgba(255, 200, 0, 0.45); color: inherit; }
::highlight(govclip-unit) { background-color: rgba(80, 160, 255, 0.22); text-decoration: underline 2px rgb(30, 100, 220); }
::highlight(govclip-task) { background-color: rgba(60, 190, 120, 0.22); text-decoration: underline dotted 2px rgb(20, 130, 70); }
::highlight(govclip-flash) { background-color: rgba(255, 80, 80, 0.55); }
mark[data-govclip-kind] { color: inherit; padding: 0; border-radius: 2px; }
mark[data-govclip-kind="target"] { background-color: rgba(255, 200, 0, 0.45); }
mark[data-govclip-kind="unit"] { background-color: rgba(80, 160, 255, 0.22); text-decoration: underline 2px rgb(30, 100, 220); }
mark[data-govclip-kind="task"] { background-color: rgba(60, 190, 120, 0.22); text-decoration: underline dotted 2px rgb(20, 130, 70); }
mark[data-govclip-kind].govclip-flash { outline: 3px solid rgb(255, 80, 80); }
mark[data-govclip-kind]:focus { outline: 2px solid rgb(30, 100, 220); }
`;

export type HighlightMode = 'highlight-api' | 'wrap';

export interface Highlighting {
  mode: HighlightMode;
  counts: Record<MarkKind, number>;
  /** The live ranges of each item (in wrap mode: around the marks). */
  rangesOf(kind: MarkKind, id: string): Range[];
  /** Flashes an item for `ms` (from now: call it once the item is in view). */
  flash(kind: MarkKind, id: string, ms?: number): Range | null;
  clear(): void;
}

export function supportsHighlightApi(win: Window): boolean {
  const css = (win as unknown as { CSS?: { highlights?: unknown } }).CSS;
  return typeof (win as unknown as { Highlight?: unknown }).Highlight === 'function' && !!css?.highlights;
}

/**
 * Adds style sheet text to a document or shadow root: as a constructed sheet where it may, else
 * as a <style> element. Firefox refuses a content script's assignment to adoptedStyleSheets
 * ("Accessing from Xray wrapper is not supported"), and old engines lack it; a <style> element
 * added by a content script applies there even under the page's style-src CSP.
 */
export function addStyles(root: Document | ShadowRoot, css: string, id: string, known: { sheet: CSSStyleSheet | null } = { sheet: null }): void {
  const isDocument = root.nodeType === Node.DOCUMENT_NODE;
  const doc = isDocument ? (root as Document) : (root.ownerDocument as Document);
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  if (!win) return;
  try {
    // Reading the property may itself throw in Firefox's Xray wrapper.
    if (!Array.isArray(root.adoptedStyleSheets)) throw new Error('no adoptedStyleSheets');
    if (known.sheet && root.adoptedStyleSheets.includes(known.sheet)) return;
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    known.sheet = sheet;
  } catch {
    if (root.querySelector?.(`style#${id}`)) return;
    const style = doc.createElement('style');
    style.id = id;
    style.textContent = css;
    const parent = isDocument ? ((root as Document).head ?? (root as Document).documentElement) : root;
    parent.appendChild(style);
  }
}

/** The page's constructed sheet, once added: a second run does not add another. */
const installed: { sheet: CSSStyleSheet | null } = { sheet: null };

function installStyles(doc: Document): void {
  addStyles(doc, HIGHLIGHT_CSS, 'govclip-style', installed);
}

function countByKind(marks: readonly PageMark[]): Record<MarkKind, number> {
  const counts: Record<MarkKind, number> = { target: 0, unit: 0, task: 0 };
  for (const mark of marks) counts[mark.kind]++;
  return counts;
}

function groupRanges(marks: readonly PageMark[]): Map<string, Range[]> {
  const byItem = new Map<string, Range[]>();
  for (const mark of marks) {
    const key = `${mark.kind}:${mark.id}`;
    const list = byItem.get(key);
    if (list) list.push(mark.range);
    else byItem.set(key, [mark.range]);
  }
  return byItem;
}

function highlightWithApi(doc: Document, marks: readonly PageMark[]): Highlighting {
  const win = doc.defaultView as Window & typeof globalThis;
  // lib.dom lacks the registry's Map methods.
  const registry = win.CSS.highlights as unknown as Map<string, Highlight>;
  for (const kind of ['task', 'unit', 'target'] as const) {
    const highlight = new win.Highlight(...marks.filter((m) => m.kind === kind).map((m) => m.range));
    // Targets sit inside task text: they paint over the task style.
    highlight.priority = kind === 'target' ? 3 : kind === 'unit' ? 2 : 1;
    registry.set(HIGHLIGHT_NAMES[kind], highlight);
  }
  const byItem = groupRanges(marks);
  let flashTimer: ReturnType<typeof setTimeout> | undefined;
  return {
    mode: 'highlight-api',
    counts: countByKind(marks),
    rangesOf: (kind, id) => byItem.get(`${kind}:${id}`) ?? [],
    flash(kind, id, ms = 1600) {
      const ranges = byItem.get(`${kind}:${id}`) ?? [];
      if (ranges.length === 0) return null;
      const flash = new win.Highlight(...ranges);
      flash.priority = 10;
      registry.set(HIGHLIGHT_NAMES.flash, flash);
      clearTimeout(flashTimer);
      flashTimer = setTimeout(() => registry.delete(HIGHLIGHT_NAMES.flash), ms);
      return ranges[0] ?? null;
    },
    clear() {
      for (const name of Object.values(HIGHLIGHT_NAMES)) registry.delete(name);
    },
  };
}

/**
 * Where each piece of a text node that wrapping split off began in the node the page had: the
 * reader's anchors name the page's nodes, a selection over wrapped text names the pieces.
 */
const pieceOrigins = new WeakMap<Text, { node: Text; offset: number }>();

/** A position in a (possibly split) text node as a position in the node the page had. */
export function originalPosition(node: Text, offset: number): { node: Text; offset: number } {
  const origin = pieceOrigins.get(node);
  return origin ? { node: origin.node, offset: origin.offset + offset } : { node, offset };
}

function split(node: Text, at: number): Text {
  const piece = node.splitText(at);
  const base = originalPosition(node, 0);
  pieceOrigins.set(piece, { node: base.node, offset: base.offset + at });
  return piece;
}

/** The text nodes a range covers, each split so that exactly the covered part is one node. */
function coveredTextNodes(range: Range): Text[] {
  const doc = range.startContainer.ownerDocument as Document;
  const root = range.commonAncestorContainer;
  const pieces: Array<{ node: Text; start: number; end: number }> = [];
  const consider = (node: Text) => {
    if (!range.intersectsNode(node)) return;
    const start = node === range.startContainer ? range.startOffset : 0;
    const end = node === range.endContainer ? range.endOffset : node.length;
    if (end > start) pieces.push({ node, start, end });
  };
  if (root.nodeType === Node.TEXT_NODE) consider(root as Text);
  else {
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) consider(node as Text);
  }
  // Offsets were read before any split; the end is cut first so the start offset still holds.
  return pieces.map(({ node, start, end }) => {
    if (end < node.length) split(node, end);
    return start > 0 ? split(node, start) : node;
  });
}

function highlightByWrapping(doc: Document, marks: readonly PageMark[]): Highlighting {
  const wrapped = new Map<string, HTMLElement[]>();
  // Last first: splitting a text node never moves the ranges still to come.
  const ordered = [...marks].sort((a, b) => b.range.compareBoundaryPoints(Range.START_TO_START, a.range));
  for (const mark of ordered) {
    const key = `${mark.kind}:${mark.id}`;
    for (const text of coveredTextNodes(mark.range)) {
      const element = doc.createElement('mark');
      element.dataset.govclipKind = mark.kind;
      element.dataset.govclipId = mark.id;
      text.parentNode?.insertBefore(element, text);
      element.appendChild(text);
      const list = wrapped.get(key) ?? [];
      list.unshift(element);
      wrapped.set(key, list);
    }
  }
  // One tab stop per target, however many elements its text was split into.
  for (const [key, elements] of wrapped) if (key.startsWith('target:') && elements[0]) elements[0].tabIndex = 0;
  const rangeAround = (elements: HTMLElement[]): Range => {
    const range = doc.createRange();
    range.setStartBefore(elements[0] as HTMLElement);
    range.setEndAfter(elements.at(-1) as HTMLElement);
    return range;
  };
  return {
    mode: 'wrap',
    counts: countByKind(marks),
    rangesOf: (kind, id) => {
      const elements = wrapped.get(`${kind}:${id}`);
      return elements ? [rangeAround(elements)] : [];
    },
    flash(kind, id, ms = 1600) {
      const elements = wrapped.get(`${kind}:${id}`) ?? [];
      if (elements.length === 0) return null;
      for (const element of elements) element.classList.add('govclip-flash');
      setTimeout(() => elements.forEach((element) => element.classList.remove('govclip-flash')), ms);
      return rangeAround(elements);
    },
    clear() {
      for (const elements of wrapped.values()) {
        for (const element of elements) {
          element.replaceWith(...Array.from(element.childNodes));
        }
      }
      wrapped.clear();
      doc.body?.normalize();
    },
  };
}

export function applyHighlights(doc: Document, marks: readonly PageMark[], mode: HighlightMode = supportsHighlightApi(doc.defaultView as Window) ? 'highlight-api' : 'wrap'): Highlighting {
  installStyles(doc);
  return mode === 'highlight-api' ? highlightWithApi(doc, marks) : highlightByWrapping(doc, marks);
}
