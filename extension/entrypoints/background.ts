// The background: turns the toolbar button, the context menu and the shortcut into a run on the
// current tab (activeTab grants access only then), opens the side panel, and keeps the automatic
// run in step with the sites the user allowed.
import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { runOnTab, syncAutoRun } from '../lib/background/content-scripts.ts';
import type { BackgroundRequest } from '../lib/messages.ts';

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
  browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
    const request = message as BackgroundRequest;
    if (request?.type === 'govclip:run') {
      runOnTab(request.tabId).then(sendResponse);
      return true;
    }
    if (request?.type === 'govclip:open-library') {
      browser.tabs.create({ url: browser.runtime.getURL('/library.html') }).then(() => sendResponse(true));
      return true;
    }
    return undefined;
  });
});
