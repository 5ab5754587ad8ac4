// pdf.js failures a user can cause, as one line each (the pipeline and the attachment page say the same).

/** A pdf.js error (PasswordException, InvalidPDFException …) as a message for the user. */
export function describePdfError(error: unknown): string {
  const name = (error as { name?: string })?.name ?? '';
  const message = (error as Error)?.message ?? String(error);
  if (name === 'PasswordException') return 'encrypted PDF: it needs a password, which GovClip does not ask for';
  if (name === 'InvalidPDFException') return `not a readable PDF (${message})`;
  return `cannot read the PDF: ${message}`;
}
