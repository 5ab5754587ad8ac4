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
 * The pattern for one host, without its port (http://127.0.0.1/*): a match pattern has no port.
 * An attachment's host is asked for with it (Firefox never finds `http://host:8080/*` among the
 * granted hosts, so it would ask again for a site already allowed), and whether the automatic run
 * covers a page is asked of it (a grant for the page's scheme alone, made in the browser's own
 * site settings, covers the page although it does not cover `*://`).
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
