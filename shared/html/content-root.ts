// The element that holds the plan on a government page. Known CMS containers first (TRS_Editor,
// #zoom …); otherwise Readability decides, and its choice is traced back to the page's own
// element so that highlights land on the live DOM, not on a copy.
import { Readability } from '@mozilla/readability';

/** Body containers of the CMSs that government sites run on, most specific first. */
const CMS_CONTAINERS = [
  '.TRS_Editor', '.trs_editor_view', '#zoom', '#UCAP-CONTENT', '.pages_content', '.article-content', '.article_content',
  '#articleContent', '.zw', '#zw', '.xxgk_content', '.detail-content', '.news_content', '#content', '.content', 'article',
];
const MIN_CJK = 200;
const MARK = 'data-govclip-node';

/** Counted in place: matching every character into an array made megabytes of garbage on big pages. */
function cjkCount(text: string | null): number {
  if (!text) return 0;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x4e00 && code <= 0x9fff) count++;
  }
  return count;
}

function largestContainer(doc: Document): Element | null {
  let best: Element | null = null;
  let bestCount = 0;
  for (const selector of CMS_CONTAINERS) {
    for (const element of Array.from(doc.querySelectorAll(selector))) {
      const count = cjkCount(element.textContent);
      // A nested container of the same text is preferred: the outer one carries more chrome.
      if (count >= MIN_CJK && count > bestCount * 1.2) {
        best = element;
        bestCount = count;
      }
    }
    if (best) return best;
  }
  return null;
}

/** Readability on a marked clone; the marked elements it keeps lead back to the original. */
function readabilityRoot(doc: Document, parse: (html: string) => Document): Element | null {
  const elements = Array.from(doc.body?.querySelectorAll('*') ?? []);
  elements.forEach((element, index) => element.setAttribute(MARK, String(index)));
  try {
    const clone = parse(`<!DOCTYPE html><html><head></head><body>${doc.body?.innerHTML ?? ''}</body></html>`);
    const article = new Readability(clone, { keepClasses: true }).parse();
    if (!article?.content) return null;
    const kept = parse(`<!DOCTYPE html><html><body>${article.content}</body></html>`);
    const ids = Array.from(kept.querySelectorAll(`[${MARK}]`)).map((e) => Number(e.getAttribute(MARK)));
    const originals = ids.map((id) => elements[id]).filter((e): e is Element => e !== undefined);
    return commonAncestor(originals);
  } finally {
    for (const element of elements) element.removeAttribute(MARK);
  }
}

function commonAncestor(elements: readonly Element[]): Element | null {
  const [first, ...rest] = elements;
  if (!first) return null;
  let candidate: Element | null = first;
  while (candidate && !rest.every((e) => candidate?.contains(e))) candidate = candidate.parentElement;
  return candidate;
}

/** Readability's cleaning is cubic in nesting depth: past this it is not run (a browser nests up to 512). */
const MAX_READABILITY_DEPTH = 150;

/** Whether any element under `root` sits more than `max` levels deep (an iterative walk, no recursion). */
function deeperThan(root: Element, max: number): boolean {
  const stack: Array<[Element, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [element, depth] = stack.pop() as [Element, number];
    if (depth > max) return true;
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * The page's content element. `parse` builds a Document from HTML (DOMParser in a browser,
 * linkedom in Node), used for Readability's working copy.
 */
export function findContentRoot(doc: Document, parse: (html: string) => Document): Element | null {
  const container = largestContainer(doc);
  if (container) return container;
  if (doc.body && deeperThan(doc.body, MAX_READABILITY_DEPTH)) return doc.body;
  return readabilityRoot(doc, parse) ?? doc.body;
}
