// The extension's locale files, for checks of what the UI shows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function localeMessages(locale: 'zh_CN' | 'en'): Record<string, { message: string }> {
  return JSON.parse(readFileSync(join(import.meta.dirname, '../../extension/public/_locales', locale, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
}
