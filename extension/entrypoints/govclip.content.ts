// The content script: injected on demand (toolbar, context menu, shortcut: activeTab) or
// registered by the background for the sites the user allowed. Heavy work (pdf.js, OCR,
// segmentation) never comes here; it stays in extension pages.
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { isContentRequest, type ContentRequest, type PageUpdated } from '../lib/messages.ts';
import { startPageSession, type PageSession } from '../lib/page/page-session.ts';

declare global {
  // One session per page, however often the script is injected.
  var govclipSession: PageSession | undefined;
}

export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main() {
    if (globalThis.govclipSession) return;
    const session = startPageSession(document, location.href, (state) => {
      const update: PageUpdated = { type: 'govclip:page-updated', url: state.url, status: state.status };
      browser.runtime.sendMessage(update).catch(() => undefined);
    });
    globalThis.govclipSession = session;
    const { timings, counts } = session.state();
    console.info(`GovClip: ${counts.target} targets, ${counts.unit} unit mentions, ${counts.task} tasks in ${timings.totalMs.toFixed(0)} ms`);
    browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
      if (!isContentRequest(message)) return undefined;
      const request = message as ContentRequest;
      switch (request.type) {
        case 'govclip:state':
          sendResponse(session.state());
          return undefined;
        case 'govclip:reveal':
          sendResponse(session.reveal(request.kind, request.id));
          return undefined;
        case 'govclip:selection':
          sendResponse(session.selection());
          return undefined;
        case 'govclip:clear':
          session.dispose();
          globalThis.govclipSession = undefined;
          sendResponse(true);
          return undefined;
      }
      return undefined;
    });
  },
});
