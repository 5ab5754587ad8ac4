// A failed message in the user's language: its code picks the locale message; the browser's own
// words (English, whatever the UI language) are kept out of the sentence and shown only as a tooltip.
import { t } from '../i18n.ts';
import type { ErrorCode } from '../messages.ts';

export function errorText(failure: { code: ErrorCode; message: string }): string {
  return t(`error_${failure.code}`);
}
