// The background: turns the toolbar button, the context menu and the shortcut into a run on the
// current tab (activeTab grants access only then), opens the side panel, and keeps the automatic
// run in step with the sites the user allowed.
import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { runOnTab, syncAutoRun } from '../lib/background/content-scripts.ts';
import { backgroundProtocol, ProtocolError, serve } from '../lib/messages.ts';
import { extractPageText } from '../lib/page/read-live-page.ts';
import { correctionsForPage, GovClipDB } from '../lib/store/index.ts';

const MENU_ID = 'govclip-run';

async function openPanel(tab: Browser.tabs.Tab): Promise<void> {
  try {
    if (import.meta.env.FIREFOX) await (browser as unknown as { sidebarAction: { open(): Promise<void> } }).sidebarAction.open();
    else if (tab.windowId !== undefined) await browser.sidePanel.open({ windowId: tab.windowId });
  } catch {
    // Opening needs the user's gesture; the page is still highlighted without the panel.
  }
}

async function runFromGesture(tab: Browser.tabs.Tab | undefined): Promise<void> {
  if (tab?.id === undefined) return;
  // Open first: the gesture is spent by the first await.
  const opening = openPanel(tab);
  await runOnTab(tab.id);
  await opening;
}

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: MENU_ID, title: browser.i18n.getMessage('menuRun'), contexts: ['page', 'selection'] });
    syncAutoRun().catch(() => undefined);
  });
  browser.runtime.onStartup?.addListener(() => {
    syncAutoRun().catch(() => undefined);
  });
  browser.permissions.onAdded.addListener(() => {
    syncAutoRun().catch(() => undefined);
  });
  browser.permissions.onRemoved.addListener(() => {
    syncAutoRun().catch(() => undefined);
  });
  browser.action.onClicked.addListener((tab) => {
    runFromGesture(tab).catch(() => undefined);
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID) runFromGesture(tab).catch(() => undefined);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'run-govclip') runFromGesture(tab).catch(() => undefined);
  });
  let db: GovClipDB | null = null;
  browser.runtime.onMessage.addListener(serve(backgroundProtocol, {
    async run({ tabId }) {
      const ran = await runOnTab(tabId);
      if (!ran.ok) throw new ProtocolError('cannotRun', ran.error);
      return true as const;
    },
    async openLibrary() {
      await browser.tabs.create({ url: browser.runtime.getURL('/library.html') });
      return true as const;
    },
    extract: (page) => {
      const { export: exported, sourceOffsets } = extractPageText(page);
      return { export: exported, sourceOffsets: [...sourceOffsets] };
    },
    corrections({ url, contentHash }) {
      db ??= new GovClipDB();
      return correctionsForPage(db, url, contentHash);
    },
  }));
});
