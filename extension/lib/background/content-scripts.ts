// Where the content script runs: on the tab the user points at (activeTab), and automatically on
// the sites the user granted (optional host permissions), kept in step with those grants.
import { browser } from 'wxt/browser';

export const CONTENT_SCRIPT_FILE = '/content-scripts/govclip.js';
const AUTO_SCRIPT_ID = 'govclip-auto';

/** Host patterns the user granted; the optional all-sites pattern itself is never auto-run. */
export function grantedSitePatterns(origins: readonly string[] | undefined): string[] {
  return (origins ?? []).filter((origin) => origin !== '*://*/*' && origin !== '<all_urls>');
}

/** The pattern that covers a site and its sibling hosts (www.hlj.gov.cn → *.hlj.gov.cn). */
export function sitePattern(url: string): string | null {
  const { protocol, hostname } = new URL(url);
  if (protocol !== 'http:' && protocol !== 'https:') return null;
  return `*://${hostname.replace(/^www\./, '*.')}/*`;
}

/**
 * The pattern for the one host a file is fetched from (an attachment): a match pattern has no
 * port, and Firefox never finds `http://host:8080/*` among the granted hosts, so it would ask the
 * user again for a site already allowed (and a page on a port would never get its 附件 read).
 */
export function hostPattern(url: string): string | null {
  const { protocol, hostname } = new URL(url);
  if (protocol !== 'http:' && protocol !== 'https:') return null;
  return `${protocol}//${hostname}/*`;
}

export async function syncAutoRun(): Promise<string[]> {
  const { origins } = await browser.permissions.getAll();
  const matches = grantedSitePatterns(origins);
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [AUTO_SCRIPT_ID] });
  if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: [AUTO_SCRIPT_ID] });
  if (matches.length > 0) {
    await browser.scripting.registerContentScripts([{ id: AUTO_SCRIPT_ID, js: [CONTENT_SCRIPT_FILE], matches, runAt: 'document_idle', persistAcrossSessions: true }]);
  }
  return matches;
}

export async function runOnTab(tabId: number): Promise<{ ok: true } | { ok: false; error: string }> {
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
    return { ok: true };
  } catch (error) {
    // chrome:// pages, the web store and tabs without a grant refuse scripts: say so plainly.
    return { ok: false, error: (error as Error).message ?? String(error) };
  }
}
