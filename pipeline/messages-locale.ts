// The CLI's language for what it says to a person (warnings): Chinese or English, by --lang or
// the environment (LANG, LC_ALL, LANGUAGE), with the extension's own locale files as the text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localiseWarning } from '../shared/messages.ts';

export type MessageLanguage = 'zh' | 'en';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

const LOCALES = join(import.meta.dirname, '../extension/public/_locales');
const cache = new Map<MessageLanguage, Messages>();

function messages(language: MessageLanguage): Messages {
  let loaded = cache.get(language);
  if (!loaded) {
    loaded = JSON.parse(readFileSync(join(LOCALES, language === 'zh' ? 'zh_CN' : 'en', 'messages.json'), 'utf8')) as Messages;
    cache.set(language, loaded);
  }
  return loaded;
}

/** `zh`/`zh-CN`/`zh_CN.UTF-8` → zh, `en…` → en; anything else (chi_sim, C, unset) → null. */
export function languageOf(value: string | undefined): MessageLanguage | null {
  if (!value) return null;
  if (/^zh([-_.]|$)/i.test(value)) return 'zh';
  if (/^en([-_.]|$)/i.test(value)) return 'en';
  return null;
}

/** --lang when it names zh or en, else the environment's locale, else English. */
export function messageLanguage(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): MessageLanguage {
  return languageOf(flag) ?? languageOf(env.LC_ALL) ?? languageOf(env.LC_MESSAGES) ?? languageOf(env.LANG) ?? languageOf(env.LANGUAGE?.split(':')[0]) ?? 'en';
}

/** A locale message with $1… filled, as the browser's i18n does. */
export function message(language: MessageLanguage, key: string, params: readonly string[] = []): string | null {
  const entry = messages(language)[key];
  if (!entry) return null;
  const named = entry.message.replace(/\$([A-Za-z_][A-Za-z0-9_]*)\$/g, (_m, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? '');
  return named.replace(/\$(\d)/g, (_m, n: string) => params[Number(n) - 1] ?? '');
}

/** A warning from an export in the CLI's language. */
export function warningIn(language: MessageLanguage, text: string): string {
  return language === 'en' ? text : localiseWarning(text, (key, params) => message(language, key, params));
}
