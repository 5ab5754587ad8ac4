// Units after a number, as written (平方米, 万亩, 座/平方公里, /10万). Longest first, so that
// 分钟 is not read as 分 and 平方公里 not as 公里.

const BASE_UNITS = [
  '平方公里', '平方千米', '平方米', '立方米', '公顷', '亩',
  '千米', '公里', '厘米', '毫米', '米',
  '千克', '公斤', '吨', '克', '斤',
  '微克', '毫克', '毫升', '升',
  '元', '人次', '台次', '车次', '批次', '架次', '人', '名', '户', '家', '所', '座', '个', '项', '次', '场次', '场', '期', '批',
  '起', '例', '宗', '标段', '公顷', '轮', '位次',
  '件', '台', '辆', '艘', '架', '张', '床', '本', '册', '篇', '部', '套', '条', '处', '块', '株', '棵', '盏',
  '根', '支', '队', '岗', '种', '门', '间', '栋', '幢', '课时', '学时', '节', '只', '头', '口', '眼', '穴', '片', '台套', '家次', '册次', '场馆',
  '工作日', '小时', '分钟', '天', '日', '周', '月', '年', '岁', '秒',
  '分贝', '千瓦时', '千瓦', '兆瓦', '分', '倍', '级', '类', '星', '字', '位', '员',
] as const;

/** Denominators after a slash: 座/平方公里, 人/万人, 微克/立方米. */
const PER_UNITS = ['平方公里', '平方米', '立方米', '万人', '千人', '百人', '10万', '万', '人', '户', '床', '公里', '吨', '千克', '年', '日', '天', '升', '小时'] as const;

/** Denominators written with 每 (微克每立方米, 毫克每升); only measures, so 2次每年 stays apart. */
const WRITTEN_PER = ['平方公里', '平方米', '立方米', '万人', '千人', '百人', '公里', '升'] as const;

/** Units that count or measure time; a bare count in them is never a commitment by itself. */
export const TIME_UNITS = new Set(['工作日', '小时', '分钟', '天', '日', '周', '月', '年', '岁', '秒']);

const SORTED_BASE = [...BASE_UNITS].sort((a, b) => b.length - a.length);
const SORTED_PER = [...PER_UNITS].sort((a, b) => b.length - a.length);

function readBase(text: string, at: number): string | null {
  for (const unit of SORTED_BASE) if (text.startsWith(unit, at)) return unit;
  return null;
}

export interface UnitMatch {
  unit: string;
  /** Characters consumed in the text (个 of 个百分点 included). */
  length: number;
}

/**
 * Reads the unit that starts at `at`: % ‰, (个)百分点, 万/亿 + unit, a measure word, a slash
 * denominator. A leading 个 is dropped when another unit word follows (个小时 → 小时).
 */
export function readUnit(text: string, at: number): UnitMatch {
  const char = text[at];
  if (char === '%' || char === '‰') return { unit: char, length: 1 };
  if (text.startsWith('个百分点', at)) return { unit: '百分点', length: 4 };
  if (text.startsWith('百分点', at)) return { unit: '百分点', length: 3 };
  if (text.startsWith('/10万', at)) return { unit: '/10万', length: 4 };

  let length = 0;
  let unit = '';
  // 万, 亿 and 万亿 multiply the unit after them (5万亿元, 850亿斤).
  while (length < 2 && (text[at + length] === '万' || text[at + length] === '亿')) {
    unit += text[at + length] as string;
    length += 1;
  }
  const afterGe = text[at + length] === '个' ? readBase(text, at + length + 1) : null;
  if (afterGe !== null && afterGe !== '个' && unit === '') {
    unit = afterGe;
    length += 1 + afterGe.length;
  } else {
    const base = readBase(text, at + length);
    if (base !== null) {
      unit += base;
      length += base.length;
    }
  }
  if (unit === '' || /^[万亿]+$/u.test(unit)) return { unit, length };
  if (text[at + length] === '/') {
    for (const per of SORTED_PER) {
      if (text.startsWith(per, at + length + 1)) return { unit: `${unit}/${per}`, length: length + 1 + per.length };
    }
  }
  // 29微克每立方米: a denominator written out with 每 belongs to the unit, as written.
  if (text[at + length] === '每') {
    const per = WRITTEN_PER.find((p) => text.startsWith(p, at + length + 1));
    if (per !== undefined) return { unit: `${unit}每${per}`, length: length + 1 + per.length };
  }
  return { unit, length };
}
