// The content script: injected on demand (toolbar, context menu, shortcut: activeTab) or
// registered by the background for the sites the user allowed. Heavy work (pdf.js, OCR,
// segmentation) never comes here; it stays in extension pages. Everything it registers goes
// through WXT's ctx, so a reloaded or updated extension leaves no listener or timer behind.
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { sha256Hex } from '../../shared/sha256.ts';
import { backgroundProtocol, contentProtocol, sender, serve, type PageUpdated } from '../lib/messages.ts';
import { startPageSession, type PageSession } from '../lib/page/page-session.ts';

declare global {
  // One session per page, however often the script is injected.
  var govclipSession: PageSession | undefined;
}

export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main(ctx) {
    const announce = (url: string, status: PageUpdated['status']) => {
      const update: PageUpdated = { govclip: 'pageUpdated', url, status };
      browser.runtime.sendMessage(update).catch(() => undefined);
    };
    if (globalThis.govclipSession) {
      // Run again (toolbar, shortcut): the panel follows this tab's run.
      const state = globalThis.govclipSession.state();
      announce(state.url, state.status);
      return;
    }
    const session = startPageSession(document, location.href, ctx, (state) => announce(state.url, state.status));
    globalThis.govclipSession = session;
    ctx.onInvalidated(() => {
      if (globalThis.govclipSession === session) globalThis.govclipSession = undefined;
    });
    const { timings, counts } = session.state();
    console.info(`GovClip: ${counts.target} targets, ${counts.unit} unit mentions, ${counts.task} tasks in ${timings.totalMs.toFixed(0)} ms`);

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
    const toBackground = sender(backgroundProtocol, (message) => browser.runtime.sendMessage(message));
    toBackground('corrections', { url: state.url, contentHash: sha256Hex(state.export.document.text) })
      .then((reply) => {
        if (ctx.isValid && reply.ok && reply.value.length > 0) session.setCorrections(reply.value);
      })
      .finally(() => announce(state.url, state.status));
  },
});
