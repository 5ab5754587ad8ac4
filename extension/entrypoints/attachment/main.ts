// The attachment page (attachment.html?url=<PDF>&page=<the page that links it>): fetches the PDF,
// reads it with pdf.js, OCRs the pages without text, shows the extraction and captures it. The
// side panel obtained the host permission before opening this tab. pdf.js and tesseract.js are
// imported here only, never by the content script.
import '../../lib/ui/panel.css';
import './style.css';
import { browser } from 'wxt/browser';
// The legacy build: the modern one needs Chrome 145+ / Firefox 144+, and Firefox ESR users are many.
import { GlobalWorkerOptions, getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { packagedAssetUrls } from '../../lib/attachment/assets.ts';
import { extractAttachment, type AttachmentReading, type Progress } from '../../lib/attachment/extract-attachment.ts';
import { fetchPdf, parsePdfUrl } from '../../lib/attachment/fetch-pdf.ts';
import { progressView, type Stage } from '../../lib/attachment/progress.ts';
import { recognizerCount, startRecognizers } from '../../lib/attachment/tesseract.ts';
import { localise, t } from '../../lib/i18n.ts';
import type { PlanCaptured } from '../../lib/messages.ts';
import type { GovClipExport } from '../../../shared/schema.ts';
import { capturePlan, correctedExport, GovClipDB, latestVersionOf, sha256Hex, type CaptureResult } from '../../lib/store/index.ts';
import { correctionActions, type CorrectionHost } from '../../lib/ui/corrections.ts';
import { append, el } from '../../lib/ui/dom.ts';
import { renderPlan } from '../../lib/ui/plan-view.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const statusLine = $('status');
const progressBar = $<HTMLProgressElement>('progress');
const errorLine = $('error');
const captureButton = $<HTMLButtonElement>('capture');
const captureStatus = $('capture-status');

/** The stage is on <body data-state> for styling and for the e2e test to wait on. */
function setStage(stage: Stage): void {
  document.body.dataset.state = stage;
}

function showProgress(progress: Progress | { stage: 'fetch' }): void {
  const view = progressView(progress);
  setStage(view.stage);
  statusLine.textContent = t(view.key, ...view.substitutions);
  progressBar.max = view.max;
  // An indeterminate bar has no value attribute at all.
  if (view.value === null) progressBar.removeAttribute('value');
  else progressBar.value = view.value;
}

function fail(message: string): void {
  setStage('error');
  statusLine.textContent = '';
  errorLine.hidden = false;
  errorLine.textContent = `${t('attachmentFailed')}: ${message}`;
}

function showSource(pdfUrl: string, pageUrl: string | null): void {
  // Addresses are shown as text: a page-derived string never becomes markup or a link target.
  append($('source'),
    el('dt', null, t('attachmentFile')), el('dd', null, pdfUrl),
    pageUrl ? el('dt', null, t('attachmentPage')) : null, pageUrl ? el('dd', null, pageUrl) : null,
  );
}

/** The file name for the tab title; a malformed %-escape stays as written. */
function fileNameOf(url: string): string {
  const name = new URL(url).pathname.split('/').pop() || url;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

function captureMessage(result: CaptureResult): string {
  if (result.status === 'created') return t('capturedNew');
  if (result.status === 'updated') return t('capturedUpdated');
  return t('capturedVersion', result.carriedCorrections);
}

function showResult(reading: AttachmentReading, pdfUrl: string): void {
  const exp = reading.export;
  const db = new GovClipDB();
  const plan = $('plan');
  plan.dataset.taskCount = String(exp.tasks.length);
  plan.dataset.targetCount = String(exp.targets.length);
  plan.dataset.ocrPages = String(reading.ocrPages.length);
  let planId: string | null = null;
  /** The plan as shown: the extraction, then with the user's corrections. */
  let shown: GovClipExport = exp;

  const capture = async (): Promise<string | null> => {
    captureButton.disabled = true;
    try {
      // Part of the page it was linked from: one library entry with the page's metadata.
      const partOf = new URLSearchParams(location.search).get('page');
      const result = await capturePlan(db, { export: exp, url: pdfUrl, partOf });
      planId = result.planId;
      // The side panel beside that page shows the attachment's plan now, when the page is only its notice.
      const captured: PlanCaptured = { govclip: 'planCaptured', url: pdfUrl, partOf };
      browser.runtime.sendMessage(captured).catch(() => undefined);
      captureStatus.dataset.status = result.status;
      captureStatus.textContent = captureMessage(result);
    } catch (error) {
      captureStatus.dataset.status = 'error';
      captureStatus.textContent = `${t('captureFailed')}: ${(error as Error)?.message ?? String(error)}`;
    } finally {
      captureButton.disabled = false;
    }
    return planId;
  };
  // Corrected like a page's plan: a correction captures the plan first, then applies to it.
  const host: CorrectionHost = {
    db,
    planId: async () => planId ?? capture(),
    shown: () => shown,
    async saved(id) {
      shown = await correctedExport(db, id);
      render();
    },
    say: (message) => {
      captureStatus.textContent = message;
    },
  };
  const render = () => {
    plan.replaceChildren(renderPlan(shown, correctionActions(host)));
  };
  render();
  // Captured before with the same text: show it with the corrections already made.
  void latestVersionOf(db, pdfUrl).then(async (stored) => {
    if (!stored || stored.contentHash !== sha256Hex(exp.document.text)) return;
    planId = stored.id;
    shown = await correctedExport(db, stored.id);
    render();
  });
  statusLine.textContent = t('attachmentDone', reading.pages, reading.ocrPages.length);
  setStage('done');
  captureButton.disabled = false;
  captureButton.addEventListener('click', () => void capture());
}

async function run(): Promise<void> {
  localise(document);
  const query = new URLSearchParams(location.search);
  const parsed = parsePdfUrl(query.get('url'));
  if (!parsed.ok) return fail(parsed.error);
  const pdfUrl = parsed.url;
  showSource(pdfUrl, query.get('page'));
  document.title = `GovClip · ${fileNameOf(pdfUrl)}`;

  showProgress({ stage: 'fetch' });
  const fetched = await fetchPdf(pdfUrl);
  if (!fetched.ok) return fail(fetched.error);

  const urls = packagedAssetUrls();
  GlobalWorkerOptions.workerSrc = urls.pdfWorker;
  const result = await extractAttachment(fetched.bytes, pdfUrl, {
    pdfjs: { getDocument },
    urls: { cMapUrl: urls.cMapUrl, standardFontDataUrl: urls.standardFontDataUrl, wasmUrl: urls.pdfWasm, iccUrl: urls.pdfIcc },
    startRecognizers: () => startRecognizers(urls, recognizerCount(navigator.hardwareConcurrency)),
  }, showProgress);
  if (!result.ok) return fail(result.error);
  showResult(result.reading, pdfUrl);
}

run().catch((error: unknown) => fail((error as Error)?.message ?? String(error)));
