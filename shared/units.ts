// Unit names inside a responsibility clause: splitting a list as written, and a canonical
// name from a table of common aliases (never an invented unit: unknown names stay as written).

/** Separators between unit names; 和 is not one (省人力资源和社会保障厅). */
const SEPARATORS = new Set(['、', ',', ';', '及', '，', '；']);
/** After 等, a generic group starts: 县司法局等有关部门单位 → 县司法局 + 有关部门单位. */
const GROUP_AFTER_DENG = /^(有关|相关|其他|其它|各|成员|部门|单位)/;

function cleanName(name: string): string {
  return name
    .replace(/\s+/g, '')
    .replace(/^[、,;:：]+|[、,;:：。.]+$/g, '')
    .replace(/等$/, '');
}

/** Splits `A、B,C及D等有关部门单位` into names; separators inside brackets (各县(市、区)) do not split. */
export function splitUnitList(list: string): Array<{ name: string; offset: number }> {
  const names: Array<{ name: string; offset: number }> = [];
  let depth = 0;
  let start = 0;
  const push = (end: number) => {
    const raw = list.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const name = cleanName(raw);
    if (name.length >= 2) names.push({ name, offset: start + lead });
  };
  for (let i = 0; i < list.length; i++) {
    const char = list[i] as string;
    if (char === '(' || char === '（') depth++;
    else if ((char === ')' || char === '）') && depth > 0) depth--;
    else if (depth === 0 && SEPARATORS.has(char)) {
      push(i);
      start = i + 1;
    } else if (depth === 0 && char === '等' && GROUP_AFTER_DENG.test(list.slice(i + 1))) {
      push(i);
      start = i + 1;
    }
  }
  push(list.length);
  return names;
}

/**
 * Long official forms and common short forms, longest first. Applied to the part after the
 * administrative prefix, so 县市场监督管理局 and 县市场监管局 meet as 县市场监管局.
 */
const ALIASES: ReadonlyArray<readonly [RegExp, string]> = [
  [/精神文明建设(委员会)?办公室$/, '文明办'],
  [/精神文明办$/, '文明办'],
  [/文明办公室$/, '文明办'],
  [/市场监督管理局$/, '市场监管局'],
  [/人力资源和社会保障(局|厅)$/, '人社$1'],
  [/发展和改革委员会$/, '发改委'],
  [/发展和改革局$/, '发改局'],
  [/住房和城乡建设(局|厅)$/, '住建$1'],
  [/住房城乡建设(局|厅)$/, '住建$1'],
  [/卫生健康委员会$/, '卫健委'],
  [/卫生和健康委员会$/, '卫健委'],
  [/卫生健康局$/, '卫健局'],
  [/文化和旅游(局|厅)$/, '文旅$1'],
  [/教育和体育局$/, '教体局'],
  [/网络安全和信息化委员会办公室$/, '网信办'],
  [/纪律检查委员会$/, '纪委'],
  [/纪委监察委$/, '纪委监委'],
  [/妇女联合会$/, '妇联'],
  [/残疾人联合会$/, '残联'],
  [/科学技术协会$/, '科协'],
  [/文学艺术界联合会$/, '文联'],
  [/政府办公室$/, '政府办'],
  [/委员会办公室$/, '委办'],
  [/委办公室$/, '委办'],
];

/** 中共X市委宣传部 → X市委宣传部; 共青团X市委 → 团X市委. */
const PREFIX_REWRITES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^中共/, ''],
  [/^中国共产党/, ''],
  [/^共青团(.+?)(省|市|县|区)委$/, '团$1$2委'],
];

export function canonicalUnitName(name: string): string {
  let canonical = name;
  for (const [pattern, replacement] of PREFIX_REWRITES) canonical = canonical.replace(pattern, replacement);
  for (const [pattern, replacement] of ALIASES) {
    if (pattern.test(canonical)) {
      canonical = canonical.replace(pattern, replacement);
      break;
    }
  }
  return canonical;
}
