// Where the attachment page's pdf.js and tesseract.js files sit in the built extension. The build
// (wxt.config.ts) copies them there and the page asks for them there: one list for both. MV3
// runs no remote code, so every file pdf.js or tesseract.js loads at run time is packaged.
// No imports: wxt.config.ts loads this file in Node.

export const PDFJS_WORKER = 'pdfjs/pdf.worker.min.mjs';
export const PDFJS_CMAPS = 'pdfjs/cmaps/';
export const PDFJS_STANDARD_FONTS = 'pdfjs/standard_fonts/';
/** JPEG 2000 and JBIG2 decoders and colour profiles: scans are often stored in those formats. */
export const PDFJS_WASM = 'pdfjs/wasm/';
export const PDFJS_ICCS = 'pdfjs/iccs/';
export const TESSERACT_WORKER = 'tesseract/worker.min.js';
export const TESSERACT_CORE = 'tesseract/core/';
export const TESSERACT_LANG = 'tesseract/lang/';
export const OCR_LANGUAGE = 'chi_sim';

/**
 * Given a directory, tesseract.js picks the core build by the browser's SIMD support; with
 * LSTM-only recognition these three are the candidates (the .wasm.js builds carry their wasm).
 */
export const TESSERACT_CORE_FILES = ['tesseract-core-lstm.wasm.js', 'tesseract-core-simd-lstm.wasm.js', 'tesseract-core-relaxedsimd-lstm.wasm.js'] as const;

export interface PackagedAsset {
  /** The npm package the file comes from. */
  pkg: string;
  /** Path inside the package; a trailing slash copies the directory's files. */
  from: string;
  /** Path in the extension; a directory when `from` is one. */
  to: string;
}

export const PACKAGED_ASSETS: readonly PackagedAsset[] = [
  { pkg: 'pdfjs-dist', from: 'legacy/build/pdf.worker.min.mjs', to: PDFJS_WORKER },
  { pkg: 'pdfjs-dist', from: 'cmaps/', to: PDFJS_CMAPS },
  { pkg: 'pdfjs-dist', from: 'standard_fonts/', to: PDFJS_STANDARD_FONTS },
  { pkg: 'pdfjs-dist', from: 'wasm/', to: PDFJS_WASM },
  { pkg: 'pdfjs-dist', from: 'iccs/', to: PDFJS_ICCS },
  { pkg: 'tesseract.js', from: 'dist/worker.min.js', to: TESSERACT_WORKER },
  ...TESSERACT_CORE_FILES.map((file) => ({ pkg: 'tesseract.js-core', from: file, to: `${TESSERACT_CORE}${file}` })),
  // 4.0.0_best_int: the pipeline's choice, the accuracy of "best" at integer speed.
  { pkg: '@tesseract.js-data/chi_sim', from: `4.0.0_best_int/${OCR_LANGUAGE}.traineddata.gz`, to: `${TESSERACT_LANG}${OCR_LANGUAGE}.traineddata.gz` },
];
