// The Node segmenter: jieba-wasm's node build (it loads its .wasm synchronously on import),
// with the same domain words the extension's web build gets (shared/compare/segment.ts).
import * as jieba from 'jieba-wasm/node';
import { createJiebaSegmenter, type Segmenter } from '../../shared/compare/segment.ts';

let segmenter: Segmenter | null = null;

/** One segmenter per process: jieba's dictionary is global to the wasm instance. */
export function nodeSegmenter(): Segmenter {
  segmenter ??= createJiebaSegmenter(jieba);
  return segmenter;
}
