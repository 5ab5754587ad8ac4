// A stand-in for wxt/browser's i18n that reads the extension's own locale files, so UI code
// under test renders the strings a user of that locale sees ($1 substitutions included).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

export function localeMessages(locale: 'zh_CN' | 'en'): Messages {
  return JSON.parse(readFileSync(join(import.meta.dirname, '../../../extension/public/_locales', locale, 'messages.json'), 'utf8')) as Messages;
}

export function localeBrowser(locale: 'zh_CN' | 'en' = 'zh_CN') {
  const messages = localeMessages(locale);
  return {
    i18n: {
      getUILanguage: () => (locale === 'zh_CN' ? 'zh-CN' : 'en'),
      getMessage(key: string, substitutions: string[] = []): string {
        const entry = messages[key];
        if (!entry) return '';
        // Named placeholders ($COUNT$) stand for their content ($1), as the browser resolves them.
        const named = entry.message.replace(/\$([A-Za-z_][A-Za-z0-9_]*)\$/g, (_m, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? '');
        return named.replace(/\$(\d)/g, (_m, n: string) => substitutions[Number(n) - 1] ?? '');
      },
    },
  };
}
