// Messages between the content script, the background and the extension pages: one request →
// reply map, each side's shapes in zod, validated where they arrive (a request by its handler, a
// reply by its sender). Replies are `{ ok: true, value } | { ok: false, code, message }`; the code
// names a locale message (error_<code>) so the UI says it in the user's language.
import { z } from 'zod';
import { documentMetaSchema, exportSchema, spanSchema } from '../../shared/schema.ts';
import { attachmentSchema, correctionSchema } from './store/types.ts';

const markKindSchema = z.enum(['target', 'unit', 'task']);

const timingsSchema = z.object({ extractMs: z.number(), highlightMs: z.number(), totalMs: z.number() });
export type Timings = z.infer<typeof timingsSchema>;

/** What the content script knows about its page. */
export const pageStateSchema = z.object({
  /** ready: highlights match the page; changed: the page's text changed and was read again; lost: it can no longer be anchored. */
  status: z.enum(['ready', 'changed', 'lost']),
  url: z.string(),
  /** The extraction, as captured into the library. */
  export: exportSchema,
  /** The plan the page shows when the user corrected it (else null: the extraction as is). */
  corrected: exportSchema.nullable(),
  /** How many of the page's stored corrections found their item. */
  corrections: z.number().int().nonnegative(),
  mode: z.enum(['highlight-api', 'wrap']),
  counts: z.object({ target: z.number(), unit: z.number(), task: z.number() }),
  unanchored: z.number(),
  attachments: z.array(attachmentSchema),
  timings: timingsSchema,
  /** A locale message key saying what happened to the page since the run (re-rendered, changed). */
  note: z.enum(['noteRerendered', 'noteChanged', 'noteLost']).nullable(),
  /** The target under the page's keyboard cursor (n / p, or revealed from the panel). */
  cursor: z.string().nullable(),
});
export type PageState = z.infer<typeof pageStateSchema>;

export const selectedTextSchema = z.object({ text: z.string(), span: spanSchema.nullable() });

/** Requests the content script answers (sent to a tab). */
export const contentProtocol = {
  state: { request: z.object({}), reply: pageStateSchema },
  reveal: { request: z.object({ kind: markKindSchema, id: z.string() }), reply: z.boolean() },
  selection: { request: z.object({}), reply: selectedTextSchema },
  /** The user's corrections of the page's plan: the page shows the corrected plan. Replies how many applied. */
  setCorrections: { request: z.object({ corrections: z.array(correctionSchema) }), reply: z.number() },
  /** Steps the page's target cursor (keyboard users in Highlight API mode): replies the target id. */
  step: { request: z.object({ direction: z.enum(['next', 'previous']) }), reply: z.string().nullable() },
} as const;

const planMetadataSchema = documentMetaSchema.pick({ title: true, region: true, issuers: true, docNumber: true, publishedAt: true, period: true }).partial();

/** Requests the background answers. */
export const backgroundProtocol = {
  /** The core on a page's text, off the page's thread: the export and its offsets into the page text. */
  extract: {
    request: z.object({ text: z.string(), url: z.string(), metadata: planMetadataSchema, warnings: z.array(z.string()) }),
    reply: z.object({ export: exportSchema, sourceOffsets: z.array(z.number().int()) }),
  },
  run: { request: z.object({ tabId: z.number().int() }), reply: z.literal(true) },
  openLibrary: { request: z.object({}), reply: z.literal(true) },
  /** The stored corrections of a page's plan, when the library holds this URL with this text. */
  corrections: { request: z.object({ url: z.string(), contentHash: z.string() }), reply: z.array(correctionSchema) },
} as const;

/** Broadcast by the content script after each run and when its page changed under it. */
export const pageUpdatedSchema = z.object({
  govclip: z.literal('pageUpdated'),
  url: z.string(),
  status: pageStateSchema.shape.status,
});
export type PageUpdated = z.infer<typeof pageUpdatedSchema>;

/** Broadcast by the content script when its target cursor moves: the panel's current row follows it. */
export const cursorMovedSchema = z.object({
  govclip: z.literal('cursorMoved'),
  url: z.string(),
  targetId: z.string(),
});
export type CursorMoved = z.infer<typeof cursorMovedSchema>;

/**
 * Broadcast by the attachment page when it captured a 附件 into the library: the side panel beside
 * the page it belongs to (`partOf`) shows the attachment's plan when the page is only a notice.
 */
export const planCapturedSchema = z.object({
  govclip: z.literal('planCaptured'),
  url: z.string(),
  partOf: z.string().nullable(),
});
export type PlanCaptured = z.infer<typeof planCapturedSchema>;

type Protocol = Record<string, { request: z.ZodType; reply: z.ZodType }>;
export type ContentProtocol = typeof contentProtocol;
export type BackgroundProtocol = typeof backgroundProtocol;
export type RequestOf<P extends Protocol, K extends keyof P> = z.input<P[K]['request']>;
export type ValueOf<P extends Protocol, K extends keyof P> = z.output<P[K]['reply']>;

/** Codes of failures a user can meet; each has a locale message error_<code>. */
export const errorCodeSchema = z.enum(['notRun', 'cannotRun', 'badRequest', 'badReply', 'failed']);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export type Reply<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; message: string };

const failureSchema = z.object({ ok: z.literal(false), code: errorCodeSchema, message: z.string() });

/** A failure a handler reports on purpose, with its code. */
export class ProtocolError extends Error {
  override name = 'ProtocolError';
  constructor(readonly code: ErrorCode, message: string) {
    super(message);
  }
}

/** The envelope: `{ govclip: name, ...request }`. */
function envelope(name: string, request: object): object {
  return { govclip: name, ...request };
}

/** Validates a reply where it arrives. */
function readReply<T>(schema: z.ZodType<T>, raw: unknown): Reply<T> {
  const failure = failureSchema.safeParse(raw);
  if (failure.success) return failure.data;
  const success = z.object({ ok: z.literal(true), value: schema }).safeParse(raw);
  if (success.success) return { ok: true, value: success.data.value as T };
  return { ok: false, code: 'badReply', message: raw === undefined ? 'no reply' : success.error.message };
}

export type Sender = (message: object) => Promise<unknown>;

/** A typed send over a transport (browser.tabs.sendMessage to one tab, or runtime.sendMessage). */
export function sender<P extends Protocol>(protocol: P, transport: Sender) {
  return async function send<K extends keyof P & string>(name: K, request: RequestOf<P, K>): Promise<Reply<ValueOf<P, K>>> {
    let raw: unknown;
    try {
      raw = await transport(envelope(name, request as object));
    } catch (error) {
      // No listener on the other side: the content script has not run on this tab.
      return { ok: false, code: 'notRun', message: (error as Error)?.message ?? String(error) };
    }
    return readReply(protocol[name]?.reply as z.ZodType<ValueOf<P, K>>, raw);
  };
}

export type Handlers<P extends Protocol> = {
  [K in keyof P]: (request: z.output<P[K]['request']>, sender: { tabId: number | null }) => ValueOf<P, K> | Promise<ValueOf<P, K>>;
};

/**
 * An onMessage listener serving a protocol: validates each request, runs its handler, replies
 * ok or a coded failure. Messages outside the protocol are left to other listeners.
 */
export function serve<P extends Protocol>(protocol: P, handlers: Handlers<P>) {
  return (message: unknown, sender: { tab?: { id?: number } }, sendResponse: (reply: unknown) => void): true | undefined => {
    const name = (message as { govclip?: unknown } | null)?.govclip;
    if (typeof name !== 'string' || !Object.hasOwn(protocol, name)) return undefined;
    const entry = protocol[name] as P[keyof P];
    // The request schemas are plain objects: the envelope's own key is stripped by parsing.
    const parsed = entry.request.safeParse(message);
    if (!parsed.success) {
      sendResponse({ ok: false, code: 'badRequest', message: parsed.error.message });
      return undefined;
    }
    const handler = handlers[name as keyof P];
    Promise.resolve()
      .then(() => handler(parsed.data as never, { tabId: sender.tab?.id ?? null }))
      .then(
        (value) => sendResponse({ ok: true, value }),
        (error: unknown) => sendResponse({
          ok: false,
          code: error instanceof ProtocolError ? error.code : 'failed',
          message: (error as Error)?.message ?? String(error),
        }),
      );
    // The reply comes asynchronously: keep the channel open.
    return true;
  };
}
