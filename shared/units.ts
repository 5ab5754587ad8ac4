// Unit names inside a responsibility clause: splitting a list as written, and a canonical
// name from a table of common aliases (never an invented unit: unknown names stay as written).

/** Separators between unit names; 和 is not one (省人力资源和社会保障厅). */
const SEPARATORS = new Set(['、', ',', ';', '及', '，', '；']);
/** After 等, a generic group starts: 县司法局等有关部门单位 → 县司法局 + 有关部门单位. */
const GROUP_AFTER_DENG = /^(有关|相关|其他|其它|各|成员|部门|单位)/;

/** 省大数据中心按职责分工负责: how the units share the work, written after the last one. */
const DUTY_NOTE = /(?:按职责分工|按照职责分工|按职能分工|按职责|根据职责|分别|共同|依职责)(?:负责|落实|推进|实施)?$/u;

function cleanName(name: string): string {
  return name
    .replace(/\s+/g, '')
    .replace(/^[、,;:：]+|[、,;:：。.]+$/g, '')
    .replace(DUTY_NOTE, '')
    .replace(/等$/, '');
}

/**
 * A shared suffix: `各县、区人民政府(管委会)` and `临汾、侯马、洪洞经济开发区管委会` are written once for
 * all the places listed; the names stay whole as written. A bare place (各县, 侯马) before a name
 * that ends like a government joins it.
 */
const BARE_PLACE = /^(各)?[\u4e00-\u9fff]{1,3}$/u;
const GOVERNMENT_END = /(人民政府|政府|管委会|党委|党工委|办事处)(\([^()]*\))?$/u;
const UNIT_WORD_END = /(委|办|局|厅|部|室|院|会|处|队|站|所|中心|公司|集团|单位|部门|街道|社区|乡镇|组|团|联|协)$/u;

function joinSharedSuffix(names: Array<{ name: string; offset: number }>, list: string): Array<{ name: string; offset: number }> {
  const out: Array<{ name: string; offset: number }> = [];
  let pending: { name: string; offset: number } | null = null;
  for (const current of names) {
    const bare = BARE_PLACE.test(current.name) && !UNIT_WORD_END.test(current.name);
    if (pending !== null) {
      if (GOVERNMENT_END.test(current.name) || bare) {
        pending = { name: list.slice(pending.offset, current.offset + current.name.length).replace(/\s+/gu, ''), offset: pending.offset };
        if (!bare) {
          out.push(pending);
          pending = null;
        }
        continue;
      }
      out.push(...splitPending(pending, list));
      pending = null;
    }
    if (bare) pending = current;
    else out.push(current);
  }
  if (pending !== null) out.push(...splitPending(pending, list));
  return out;
}

/** Bare places that found no shared suffix after them are names of their own again. */
function splitPending(pending: { name: string; offset: number }, list: string): Array<{ name: string; offset: number }> {
  const raw = list.slice(pending.offset, pending.offset + pending.name.length + 40);
  const parts: Array<{ name: string; offset: number }> = [];
  let at = 0;
  for (const part of pending.name.split('、')) {
    const index = raw.indexOf(part, at);
    parts.push({ name: part, offset: pending.offset + (index === -1 ? at : index) });
    at = (index === -1 ? at : index) + part.length;
  }
  return parts.filter((p) => p.name.length >= 2);
}

/** Splits `A、B,C及D等有关部门单位` into names; separators inside brackets (各县(市、区)) do not split. */
export function splitUnitList(list: string): Array<{ name: string; offset: number }> {
  return joinSharedSuffix(splitNames(list), list);
}

function splitNames(list: string): Array<{ name: string; offset: number }> {
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
