// The browser segmenter: jieba-wasm's web build, initialised with the .wasm bundled into the
// extension (Vite emits it and gives its URL), plus the same domain words the CLI loads, so
// the compare page groups exactly as `govclip compare` does.
import init, * as jieba from 'jieba-wasm/web';
import jiebaWasmUrl from '../../../node_modules/jieba-wasm/pkg/web/jieba_rs_wasm_bg.wasm?url';
import { initJiebaSegmenter, type Segmenter } from '../../../shared/compare/segment.ts';

let loading: Promise<Segmenter> | null = null;

/** One segmenter per page: jieba's dictionary is global to the wasm instance. */
export function browserSegmenter(): Promise<Segmenter> {
  loading ??= initJiebaSegmenter(init, jieba, jiebaWasmUrl).catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
