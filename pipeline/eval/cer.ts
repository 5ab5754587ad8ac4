// Character error rate of OCR against a reference: edit distance over the reference length,
// both NFKC-normalised with all white space removed (layout is not what OCR is judged on).
import { editDistance } from '../../shared/edit-distance.ts';

export function compactForCer(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

export function characterErrorRate(ocr: string, reference: string): number {
  const truth = compactForCer(reference);
  if (truth.length === 0) return ocr.trim() === '' ? 0 : 1;
  return editDistance(compactForCer(ocr), truth) / truth.length;
}
