// The background keeps the automatic run in step with the sites the user allowed, and runs the
// content script on the tab the user points at.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CONTENT_SCRIPT_FILE, grantedSitePatterns, hostPattern, runOnTab, sitePattern, syncAutoRun } from '../../../extension/lib/background/content-scripts.ts';

type Registered = { id: string; js?: string[]; matches?: string[] };

function fakeScripting(granted: string[]) {
  let registered: Registered[] = [];
  const scripting = {
    getRegisteredContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => registered.filter((s) => ids.includes(s.id))),
    unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => {
      registered = registered.filter((s) => !ids.includes(s.id));
    }),
    registerContentScripts: vi.fn(async (scripts: Registered[]) => {
      registered.push(...scripts);
    }),
    executeScript: vi.fn(async ({ target }: { target: { tabId: number } }) => {
      if (target.tabId === 13) throw new Error('Cannot access a chrome:// URL');
      return [];
    }),
  };
  Object.assign(fakeBrowser, { scripting });
  Object.assign(fakeBrowser.permissions, { getAll: vi.fn(async () => ({ permissions: [], origins: granted })) });
  return { scripting, registered: () => registered };
}

describe('the automatic run on allowed sites', () => {
  beforeEach(() => fakeBrowser.reset());

  it('registers the content script for exactly the granted sites', async () => {
    const { registered } = fakeScripting(['*://*.gov.cn/*', 'https://www.harbin.gov.cn/*']);
    expect(await syncAutoRun()).toEqual(['*://*.gov.cn/*', 'https://www.harbin.gov.cn/*']);
    expect(registered()).toEqual([expect.objectContaining({ id: 'govclip-auto', js: [CONTENT_SCRIPT_FILE], matches: ['*://*.gov.cn/*', 'https://www.harbin.gov.cn/*'] })]);
  });

  it('replaces the registration when grants change and drops it when none are left', async () => {
    const fake = fakeScripting(['*://*.gov.cn/*']);
    await syncAutoRun();
    Object.assign(fakeBrowser.permissions, { getAll: vi.fn(async () => ({ origins: [] })) });
    await syncAutoRun();
    expect(fake.registered()).toEqual([]);
    expect(fake.scripting.unregisterContentScripts).toHaveBeenCalledTimes(1);
  });

  it('asks for a whole site, not one page', () => {
    expect(sitePattern('https://www.hlj.gov.cn/n200/2018/0720/c75-10878437.html')).toBe('*://*.hlj.gov.cn/*');
    expect(sitePattern('http://wmb.harbin.gov.cn/art/2019/1/2/art_1.html')).toBe('*://wmb.harbin.gov.cn/*');
    expect(sitePattern('chrome://extensions/')).toBeNull();
    // Whether this page is covered is asked of its own origin: a grant of http://127.0.0.1/* covers
    // http://127.0.0.1:8080/plan.html although it does not cover *://127.0.0.1/*.
    expect(hostPattern('http://127.0.0.1:8080/plan.html')).toBe('http://127.0.0.1/*');
    expect(hostPattern('https://www.hlj.gov.cn/n200/a.html')).toBe('https://www.hlj.gov.cn/*');
    expect(hostPattern('chrome://extensions/')).toBeNull();
  });

  it('asks for an attachment’s host without its port (a match pattern has none; Firefox would ask again for an allowed site)', () => {
    expect(hostPattern('http://www.xiangyang.gov.cn:8080/xxgk/P020180503390865143218.pdf')).toBe('http://www.xiangyang.gov.cn/*');
    expect(hostPattern('https://www.hlj.gov.cn/uploadfiles/2018/07/P020180720583412631752.pdf')).toBe('https://www.hlj.gov.cn/*');
    expect(hostPattern('file:///tmp/plan.pdf')).toBeNull();
  });

  it('never auto-runs everywhere just because the optional all-sites pattern exists', () => {
    expect(grantedSitePatterns(['*://*/*', '<all_urls>', 'http://127.0.0.1/*'])).toEqual(['http://127.0.0.1/*']);
  });
});

describe('a run on the current tab', () => {
  beforeEach(() => fakeBrowser.reset());

  it('injects the content script, and reports a refused tab as a message', async () => {
    const { scripting } = fakeScripting([]);
    expect(await runOnTab(7)).toEqual({ ok: true });
    expect(scripting.executeScript).toHaveBeenCalledWith({ target: { tabId: 7 }, files: [CONTENT_SCRIPT_FILE] });
    expect(await runOnTab(13)).toEqual({ ok: false, error: 'Cannot access a chrome:// URL' });
  });
});
