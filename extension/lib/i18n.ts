// UI strings through the browser's i18n (public/_locales: zh_CN default, en). Static markup names
// its strings with data-i18n / data-i18n-title / data-i18n-placeholder.
import { browser } from 'wxt/browser';

export function t(key: string, ...substitutions: Array<string | number>): string {
  const message = browser.i18n.getMessage(key as never, substitutions.map(String));
  return message || key;
}

export function localise(root: ParentNode): void {
  for (const element of Array.from(root.querySelectorAll<HTMLElement>('[data-i18n]'))) element.textContent = t(element.dataset.i18n as string);
  for (const element of Array.from(root.querySelectorAll<HTMLElement>('[data-i18n-title]'))) element.title = t(element.dataset.i18nTitle as string);
  for (const element of Array.from(root.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]'))) element.placeholder = t(element.dataset.i18nPlaceholder as string);
  for (const element of Array.from(root.querySelectorAll<HTMLElement>('[data-i18n-aria-label]'))) element.setAttribute('aria-label', t(element.dataset.i18nAriaLabel as string));
  document.documentElement.lang = browser.i18n.getUILanguage().startsWith('zh') ? 'zh-CN' : 'en';
}
