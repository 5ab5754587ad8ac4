// The packaged pdf.js and tesseract.js files as URLs of this extension (never a CDN).
import { browser } from 'wxt/browser';
import { PDFJS_CMAPS, PDFJS_ICCS, PDFJS_STANDARD_FONTS, PDFJS_WASM, PDFJS_WORKER, TESSERACT_CORE, TESSERACT_LANG, TESSERACT_WORKER } from './asset-layout.ts';

export interface AssetUrls {
  pdfWorker: string;
  cMapUrl: string;
  standardFontDataUrl: string;
  pdfWasm: string;
  pdfIcc: string;
  tesseractWorker: string;
  /** A directory: tesseract.js appends the core file it picks. */
  tesseractCore: string;
  /** A directory holding chi_sim.traineddata.gz. */
  tesseractLang: string;
}

/** Paths under the extension root as URLs; `base` stands in for the extension's origin in tests. */
export function assetUrlsFrom(base: string): AssetUrls {
  const url = (path: string) => new URL(path, base).href;
  return {
    pdfWorker: url(PDFJS_WORKER),
    cMapUrl: url(PDFJS_CMAPS),
    standardFontDataUrl: url(PDFJS_STANDARD_FONTS),
    pdfWasm: url(PDFJS_WASM),
    pdfIcc: url(PDFJS_ICCS),
    tesseractWorker: url(TESSERACT_WORKER),
    // tesseract.js joins core and lang directories with '/' itself.
    tesseractCore: url(TESSERACT_CORE).replace(/\/$/, ''),
    tesseractLang: url(TESSERACT_LANG).replace(/\/$/, ''),
  };
}

export function packagedAssetUrls(): AssetUrls {
  // getURL('/') is the extension root (chrome-extension://ID/ or moz-extension://UUID/).
  return assetUrlsFrom(browser.runtime.getURL('/'));
}
