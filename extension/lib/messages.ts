// Messages between the content script, the background and the extension pages: one typed union,
// so each side handles exactly what the others send.
import type { GovClipExport } from '../../shared/schema.ts';
import type { HighlightMode } from './page/highlight.ts';
import type { Attachment } from './page/attachments.ts';
import type { MarkKind } from './page/read-live-page.ts';

export interface Timings {
  extractMs: number;
  highlightMs: number;
  totalMs: number;
}

/** What the content script knows about its page. */
export interface PageState {
  /** ready: highlights match the page; changed: the page's text changed and was read again; lost: it can no longer be anchored. */
  status: 'ready' | 'changed' | 'lost';
  url: string;
  export: GovClipExport;
  mode: HighlightMode;
  counts: Record<MarkKind, number>;
  unanchored: number;
  attachments: Attachment[];
  timings: Timings;
  note: string | null;
}

export type ContentRequest =
  | { type: 'govclip:state' }
  | { type: 'govclip:reveal'; kind: MarkKind; id: string }
  | { type: 'govclip:selection' }
  | { type: 'govclip:clear' };

export type BackgroundRequest =
  | { type: 'govclip:run'; tabId: number }
  | { type: 'govclip:open-library' };

/** Broadcast by the content script when its page changed under it. */
export interface PageUpdated {
  type: 'govclip:page-updated';
  url: string;
  status: PageState['status'];
}

export function isContentRequest(message: unknown): message is ContentRequest {
  return typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string' && (message as { type: string }).type.startsWith('govclip:');
}
