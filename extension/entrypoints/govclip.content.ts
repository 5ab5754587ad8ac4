// The content script: injected on demand (toolbar, context menu, shortcut: activeTab) or
// registered by the background for the sites the user allowed. It reads the page and anchors
// the plan to it; the extraction itself runs in the background, so a long page never blocks the
// page's own thread. Heavy work (pdf.js, OCR, segmentation) never comes here. Everything it
// registers goes through WXT's ctx, so a reloaded or updated extension leaves nothing behind.
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { sha256Hex } from '../../shared/sha256.ts';
import { backgroundProtocol, contentProtocol, sender, serve, type CursorMoved, type PageUpdated } from '../lib/messages.ts';
import { startPageSession, type Extractor, type PageSession } from '../lib/page/page-session.ts';

declare global {
  // One session per page, however often the script is injected (set before the first await).
  var govclipSession: Promise<PageSession> | undefined;
}

const toBackground = sender(backgroundProtocol, (message) => browser.runtime.sendMessage(message));

const extractInBackground: Extractor = async (page) => {
  const reply = await toBackground('extract', page);
  if (!reply.ok) throw new Error(`${reply.code}: ${reply.message}`);
  return reply.value;
};

const announce = (url: string, status: PageUpdated['status']) => {
  const update: PageUpdated = { govclip: 'pageUpdated', url, status };
  browser.runtime.sendMessage(update).catch(() => undefined);
};

/** The page's target cursor moved (n / p, or a reveal from the panel): the panel's current row follows. */
const announceCursor = (targetId: string) => {
  const moved: CursorMoved = { govclip: 'cursorMoved', url: location.href, targetId };
  browser.runtime.sendMessage(moved).catch(() => undefined);
};

export default defineContentScript({
  registration: 'runtime',
  matches: [],
  async main(ctx) {
    if (globalThis.govclipSession) {
      // Run again (toolbar, shortcut): the panel follows this tab's run.
      const state = (await globalThis.govclipSession).state();
      announce(state.url, state.status);
      return;
    }
    const starting = startPageSession(document, location.href, ctx, (state) => announce(state.url, state.status), extractInBackground, announceCursor);
    globalThis.govclipSession = starting;
    ctx.onInvalidated(() => {
      if (globalThis.govclipSession === starting) globalThis.govclipSession = undefined;
    });
    const session = await starting;
    const { timings, counts } = session.state();
    console.info(`GovClip: ${counts.target} targets, ${counts.unit} unit mentions, ${counts.task} tasks in ${timings.totalMs.toFixed(0)} ms (extract ${timings.extractMs.toFixed(0)} ms, highlight ${timings.highlightMs.toFixed(0)} ms)`);

    const listener = serve(contentProtocol, {
      state: () => session.state(),
      reveal: ({ kind, id }) => session.reveal(kind, id),
      selection: () => session.selection(),
      setCorrections: ({ corrections }) => session.setCorrections(corrections),
      step: ({ direction }) => session.step(direction),
    });
    browser.runtime.onMessage.addListener(listener);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));

    // A page the user corrected in the library shows the corrected plan from the start.
    const state = session.state();
    const stored = await toBackground('corrections', { url: state.url, contentHash: sha256Hex(state.export.document.text) });
    if (ctx.isValid && stored.ok && stored.value.length > 0) session.setCorrections(stored.value);
    announce(state.url, state.status);
  },
});
