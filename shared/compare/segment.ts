// Word segmentation is injected: the core takes any (text) => words function, so the CLI and
// the extension can each load jieba-wasm their own way (the node build reads its .wasm from
// disk; the web build is initialised with the bytes or a URL) while grouping identically,
// because both get the same jieba dictionary plus DOMAIN_WORDS below.

export type Segmenter = (text: string) => string[];

/** What this module needs of jieba-wasm; both its node and web builds have it. */
export interface JiebaModule {
  cut(text: string, hmm?: boolean | null): string[];
  add_word(word: string, freq?: number | null, tag?: string | null): number;
}

/**
 * Words jieba's general dictionary splits wrongly or too finely in plans: unit short names
 * (so 市场监管局 stays one word in task text) and indicator terms (so 绿地率 and 覆盖率 stay
 * whole and remain distinguishable heads).
 */
export const DOMAIN_WORDS: readonly string[] = [
  // government units
  '文明办', '宣传部', '组织部', '统战部', '政法委', '网信办', '纪委监委', '市场监管局', '住建局', '住建厅', '城管局', '综合执法局',
  '卫健委', '卫健局', '生态环境局', '自然资源局', '农业农村局', '交通运输局', '文旅局', '文广旅局', '教育局', '教体局', '公安局',
  '交警大队', '交警支队', '民政局', '司法局', '财政局', '人社局', '发改委', '发改局', '商务局', '水利局', '水务局', '林业局', '林草局',
  '体育局', '应急管理局', '消防救援大队', '消防救援支队', '融媒体中心', '总工会', '团委', '妇联', '残联', '科协', '文联', '关工委',
  '爱卫办', '创文办', '创城办', '各乡镇', '各街道', '街道办事处',
  // indicator terms
  '建成区', '绿地率', '绿化覆盖率', '公园绿地', '服务半径', '覆盖率', '普及率', '知晓率', '参与率', '支持率', '满意度', '满意率',
  '无害化处理率', '回收利用率', '资源化利用率', '收集率', '处理率', '治理率', '达标率', '合格率', '完好率', '佩戴率', '分担率',
  '清扫率', '机械化清扫率', '亮灯率', '装灯率', '设置密度', '优良天数', '空气质量', '重污染天数', '健康素养', '预期寿命',
  '法治宣传教育', '体育场地', '体育用地', '体育锻炼', '国民体质', '注册志愿者', '志愿服务', '志愿者', '服务时间', '服务时长',
  '常住人口', '生活垃圾', '垃圾分类', '生活污水', '农贸市场', '公厕', '窨井盖', '斑马线', '公共交通', '公交站点', '道路面积率',
  '新时代文明实践', '文明实践', '未成年人思想道德建设', '学雷锋', '制度化', '常态化', '网格化',
];

/**
 * A Segmenter over an initialised jieba-wasm module (node or web build). Loads DOMAIN_WORDS
 * (and any extra words, e.g. a user lexicon's wordings) into it once, and caches cuts:
 * the same metric recurs in every plan.
 */
export function createJiebaSegmenter(jieba: JiebaModule, extraWords: readonly string[] = []): Segmenter {
  for (const word of [...DOMAIN_WORDS, ...extraWords]) jieba.add_word(word, null, null);
  const cache = new Map<string, string[]>();
  return (text: string) => {
    let words = cache.get(text);
    if (!words) {
      words = jieba.cut(text, true);
      if (cache.size > 50_000) cache.clear(); // a long session must not grow without bound
      cache.set(text, words);
    }
    return words;
  };
}

/**
 * The web build of jieba-wasm must be initialised before use: its default export takes the
 * .wasm (bytes, a URL or a compiled module). This calls it and returns the segmenter, e.g.
 * `await initJiebaSegmenter(init, jieba, wasmUrl)`, with init the default export and jieba the namespace of jieba-wasm/web.
 */
export async function initJiebaSegmenter<W>(
  init: (options: { module_or_path: W }) => Promise<unknown>,
  jieba: JiebaModule,
  wasm: W,
  extraWords: readonly string[] = [],
): Promise<Segmenter> {
  await init({ module_or_path: wasm });
  return createJiebaSegmenter(jieba, extraWords);
}

/** Function words and plan boilerplate that say nothing about which task or indicator this is. */
const STOP_WORDS = new Set([
  '的', '和', '与', '及', '等', '在', '对', '为', '了', '是', '将', '把', '以', '由', '并', '或', '其', '之', '中', '上', '下', '各',
  '加强', '推进', '推动', '开展', '深入', '进一步', '全面', '积极', '切实', '持续', '不断', '认真', '大力', '工作', '有关', '相关',
  '单位', '部门', '牵头', '责任', '负责', '配合', '参与', '落实', '实施', '建立', '健全', '完善', '提升', '提高', '达到', '不低于',
]);

/** Words worth comparing: no punctuation, numbers or stop words. */
export function contentWords(words: readonly string[]): string[] {
  return words.filter((word) => /[\p{Script=Han}A-Za-z]/u.test(word) && !STOP_WORDS.has(word));
}
