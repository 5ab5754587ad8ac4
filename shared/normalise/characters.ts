// Character repair: NFKC per code point (full-width → half-width, Kangxi radicals, compatibility
// ideographs), plus what NFKC leaves alone but PDFs and web pages produce.
import type { MappedText } from '../mapped-text.ts';

/**
 * CJK Radicals Supplement code points (U+2E80–U+2EFF) that PDF text layers emit in place of
 * ordinary characters (⻅ for 见). NFKC does not map this block, so the table does.
 */
const RADICAL_SUPPLEMENT: Readonly<Record<string, string>> = {
  '⺈': '刀', '⺋': '卩', '⺎': '兀', '⺏': '尢', '⺐': '尢', '⺒': '巳', '⺓': '幺', '⺔': '彑',
  '⺖': '忄', '⺗': '心', '⺘': '扌', '⺙': '攵', '⺛': '旡', '⺝': '月', '⺟': '母', '⺠': '民',
  '⺢': '水', '⺣': '灬', '⺤': '爫', '⺨': '犭', '⺩': '王', '⺮': '竹', '⺯': '糹', '⺰': '纟',
  '⺹': '耂', '⺺': '肀', '⺻': '聿', '⺾': '艹', '⺿': '艹', '⻁': '虎', '⻂': '衤', '⻄': '西',
  '⻅': '见', '⻆': '角', '⻈': '讠', '⻉': '贝', '⻊': '足', '⻋': '车', '⻌': '辶', '⻍': '辶',
  '⻎': '辶', '⻏': '阝', '⻐': '钅', '⻑': '長', '⻒': '镸', '⻓': '长', '⻔': '门', '⻖': '阝',
  '⻗': '雨', '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻞': '食',
  '⻟': '食', '⻠': '饣', '⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻧': '卤',
  '⻨': '麦', '⻩': '黄', '⻪': '黾', '⻫': '齊', '⻬': '齐', '⻭': '齒', '⻮': '齿', '⻯': '竜',
  '⻰': '龙', '⻱': '龜', '⻲': '亀', '⻳': '龟',
};

/**
 * After NFKC: one spelling per comparator and dash, so later grammars list each once. A tab is
 * kept: it may separate table cells (cell-gaps.ts keeps those and turns the others into spaces).
 */
const AFTER_NFKC: Readonly<Record<string, string>> = {
  '≧': '≥', '≦': '≤', '⩾': '≥', '⩽': '≤',
  '\r': '\n', '\u000b': '\n', '\u000c': '\n', '\u2028': '\n', '\u2029': '\n',
  '–': '-', '−': '-', '‐': '-', '‑': '-', '‒': '-',
};

/** Circled numbers are a numbering style (①②③); NFKC would flatten them into plain digits. */
const KEPT_AS_IS = /[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]/u;

/**
 * Invisible characters dropped outright: zero-width spaces and joiners, the BOM, soft hyphens, and
 * the bidirectional marks and embeddings (LRM/RLM, U+202A–202E, U+2066–2069, the Arabic letter
 * mark) that pages copied from word processors carry: inside 3‎5% they would split the number.
 */
const DROPPED = new Set([
  '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad',
  '\u200e', '\u200f', '\u061c', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069',
]);

/** Printable ASCII and CJK Unified Ideographs are NFKC-stable: copied a run at a time. */
const STABLE_RUN = /[\u0020-\u007e\u4e00-\u9fff]+/y;

export function normaliseCharacters(raw: string): MappedText {
  let text = '';
  const origin: number[] = [];
  let i = 0;
  while (i < raw.length) {
    STABLE_RUN.lastIndex = i;
    const run = STABLE_RUN.exec(raw);
    if (run) {
      text += run[0];
      for (let k = 0; k < run[0].length; k++) origin.push(i + k);
      i += run[0].length;
      continue;
    }
    const codePoint = raw.codePointAt(i) ?? 0;
    const char = String.fromCodePoint(codePoint);
    const width = char.length;
    // \r\n is one line break, mapped to the \n.
    if (char === '\r' && raw[i + 1] === '\n') {
      i += 1;
      continue;
    }
    // (Printable ASCII and CJK Unified Ideographs never get here: STABLE_RUN copied them.)
    if (!DROPPED.has(char)) {
      const repaired = KEPT_AS_IS.test(char) ? char : (RADICAL_SUPPLEMENT[char] ?? char).normalize('NFKC');
      for (const out of repaired) {
        const mapped = AFTER_NFKC[out] ?? out;
        text += mapped;
        for (let k = 0; k < mapped.length; k++) origin.push(i);
      }
    }
    i += width;
  }
  return { text, origin };
}
