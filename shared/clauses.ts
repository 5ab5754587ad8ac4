// Responsibility clauses: who leads and who carries out a task.
// Two grammars: labelled lists `(牵头单位:A、B;责任单位:C)` in any bracket or none, and
// verb forms `〔A牵头,B参与〕` / `(A负责)`. Role words are tables, so a new layout is a new row.
import type { ResponsibilityClause, UnitMention } from './model.ts';
import type { UnitRole } from './schema.ts';
import { SpanIndex } from './span-index.ts';
import { canonicalUnitName, splitUnitList } from './units.ts';

/** Role words of labels; each combines with 单位 and 部门 (牵头单位, 配合部门 …). */
const LEAD_WORDS = ['牵头责任', '主要牵头', '牵头', '主责', '主办'];
const RESPONSIBLE_WORDS = ['具体责任', '主要责任', '责任', '配合', '协办', '协助', '协同', '协作', '参与', '参加', '实施', '落实', '成员', '相关'];

/** Labels before a colon, longest first so that 牵头责任单位 is not read as 责任单位. */
const LABEL_NOUNS = ['单位', '部门', '科室', '处室'];
const ROLE_LABELS: ReadonlyArray<readonly [string, UnitRole]> = [
  ...LEAD_WORDS.flatMap((w) => LABEL_NOUNS.map((noun) => [`${w}${noun}`, 'lead'] as const)),
  ...RESPONSIBLE_WORDS.flatMap((w) => LABEL_NOUNS.map((noun) => [`${w}${noun}`, 'responsible'] as const)),
  ['责任主体', 'responsible'],
  ['牵头', 'lead'],
  ['配合', 'responsible'],
].sort((a, b) => b[0].length - a[0].length) as ReadonlyArray<readonly [string, UnitRole]>;

/** Verbs after the units in the verb form: A牵头, B参与. */
const ROLE_VERBS: ReadonlyArray<readonly [string, UnitRole]> = [
  ['牵头负责', 'lead'],
  ['牵头落实', 'lead'],
  ['牵头', 'lead'],
  ['负责落实', 'responsible'],
  ['具体落实', 'responsible'],
  ['具体负责', 'responsible'],
  ['组织实施', 'responsible'],
  ['按职责分工落实', 'responsible'],
  ['按职责分工负责', 'responsible'],
  ['按职责负责', 'responsible'],
  ['共同负责', 'responsible'],
  ['分别负责', 'responsible'],
  ['负责', 'responsible'],
  ['参与', 'responsible'],
  ['配合', 'responsible'],
  ['协助', 'responsible'],
  ['协办', 'responsible'],
];

/** Fields of a task list that follow the units and end their list: 完成时限:2024年10月底. */
const STOP_LABELS = /^[;,，；\s]*(完成时限|完成时间|时间节点|时限要求|时限|责任人|联系人|分管领导|责任领导|牵头领导)[:：]/;

const OPENERS = '(〔【[';
const CLOSERS = ')〕】]';
const LABEL_ALTERNATION = ROLE_LABELS.map(([label]) => label).join('|');
/**
 * A label starts a clause after a bracket, a sentence or group end, or a line start; the
 * four-character labels (责任单位:) also right after a unit name, where a page lost the
 * separator between two groups on one line (牵头单位:县委宣传部 责任单位:各乡镇, a full-width space between).
 */
const LABEL_AT = new RegExp(`(^|[${OPENERS.replace('[', '\\[').replace(']', '\\]')};,。\\n]|(?=[\\u4e00-\\u9fff]{4}[:：]))(${LABEL_ALTERNATION})[:：]`, 'gm');
const MAX_CLAUSE = 400;

/** The role a table header or label names (牵头单位 → lead), or null when it names none. */
export function roleOfLabelText(label: string): UnitRole | null {
  const compact = label.replace(/[\s:：]/g, '');
  return ROLE_LABELS.find(([l]) => l === compact)?.[1] ?? null;
}


function mentions(list: string, offset: number, role: UnitRole): UnitMention[] {
  return splitUnitList(list).map(({ name, offset: at }) => ({
    name,
    canonical: canonicalUnitName(name),
    role,
    span: { start: offset + at, end: offset + at + name.length },
  }));
}

/** Labelled clauses. Each label group runs to the next label, a closing bracket, 。 or the line end. */
function labelledClauses(text: string): ResponsibilityClause[] {
  const clauses: ResponsibilityClause[] = [];
  const labels = [...text.matchAll(LABEL_AT)].map((m) => {
    const labelStart = (m.index ?? 0) + (m[1] ?? '').length;
    return { labelStart, listStart: labelStart + (m[2] ?? '').length + 1, role: roleOfLabelText(m[2] ?? '') as UnitRole, opener: m[1] ?? '' };
  });
  let current: ResponsibilityClause | null = null;
  for (let k = 0; k < labels.length; k++) {
    const label = labels[k] as (typeof labels)[number];
    const next = labels[k + 1];
    let end = label.listStart;
    const limit = Math.min(text.length, label.listStart + MAX_CLAUSE, next ? next.labelStart : Infinity);
    // Brackets inside a unit name (各县(市、区)人民政府) do not close the clause.
    let depth = 0;
    while (end < limit && text[end] !== '。' && text[end] !== '\n') {
      const char = text[end] as string;
      if ((char === ';' || char === ',' || char === '；' || char === '，') && STOP_LABELS.test(text.slice(end, end + 8))) break;
      if (OPENERS.includes(char)) depth++;
      else if (CLOSERS.includes(char)) {
        if (depth === 0) break;
        depth--;
      }
      end++;
    }
    // The separator before the next label (;责任单位) belongs to neither list.
    let listEnd = end;
    while (listEnd > label.listStart && /[;,，；\s]/.test(text[listEnd - 1] as string)) listEnd--;
    const continues = current !== null && (label.labelStart === current.span.end || (label.labelStart <= current.span.end + 1 && /[;,]/.test(label.opener)));
    if (!continues) {
      const start = OPENERS.includes(label.opener) && label.opener !== '' ? label.labelStart - 1 : label.labelStart;
      current = { span: { start, end }, units: [] };
      clauses.push(current);
    }
    const clause = current as ResponsibilityClause;
    clause.units.push(...mentions(text.slice(label.listStart, listEnd), label.listStart, label.role));
    clause.span.end = end < text.length && CLOSERS.includes(text[end] as string) ? end + 1 : end;
  }
  return clauses.filter((c) => c.units.length > 0);
}

const VERB_ALTERNATION = ROLE_VERBS.map(([verb]) => verb).join('|');
// Lazy, so that 市委政法委牵头负责 ends in 牵头负责 rather than in 负责.
// A name may hold a bracket of its own: 各县、区人民政府(管委会).
const NAME_PIECE = '(?:[^,;，；、()〔〕【】]|\\([^()]{1,10}\\))+?';
const VERB_GROUP = new RegExp(`(${NAME_PIECE}(?:[、,]${NAME_PIECE})*?)(${VERB_ALTERNATION})$`);
/** A bracket that holds only `A牵头,B参与`-style groups; no sentence inside. */
const BRACKETED = /[(〔【[]((?:[^()〔〕【】[\]\n]|\([^()\n]{1,10}\)){3,200})[)〕】\]]/g;
/** A note after the unit groups, not a unit: (国务院各部门分别负责,年内持续推进). */
const TRAILING_NOTE = /(年内|年底|长期|持续|推进|完成|落实到位|按季度|每年|[0-9]+月)/u;

function verbClauses(text: string): ResponsibilityClause[] {
  const clauses: ResponsibilityClause[] = [];
  for (const match of text.matchAll(BRACKETED)) {
    // 〔A牵头,B参与,C负责落实。以下各项工作均需…落实,不再列出。〕: after a full stop, a standing note.
    const whole = match[1] ?? '';
    const stop = whole.indexOf('。');
    const inner = stop === -1 ? whole : whole.slice(0, stop);
    const innerStart = (match.index ?? 0) + 1;
    const units: UnitMention[] = [];
    let groupStart = 0;
    let ok = true;
    for (const group of inner.split(/[;,；，]/)) {
      const verb = VERB_GROUP.exec(group);
      const role = verb ? ROLE_VERBS.find(([v]) => v === verb[2])?.[1] : undefined;
      if ((!verb || !role) && units.length > 0 && TRAILING_NOTE.test(group)) break;
      if (!verb || !role) {
        ok = false;
        break;
      }
      const found = mentions(verb[1] ?? '', innerStart + groupStart, role);
      // Every name must look like an organisation, or the bracket is prose (e.g. 由群众参与).
      if (found.length === 0 || !found.every((u) => looksLikeUnit(u.name))) {
        ok = false;
        break;
      }
      units.push(...found);
      groupStart += group.length + 1;
    }
    if (ok && units.length > 0) clauses.push({ span: { start: match.index ?? 0, end: (match.index ?? 0) + match[0].length }, units });
  }
  return clauses;
}

/** Organisation suffixes; the verb form accepts only names that end like one. */
const UNIT_SUFFIX = /(委|办|局|厅|部|室|院|会|处|队|站|所|中心|公司|集团|政府|单位|部门|街道|乡镇|社区|分局|支队|大队|总队|组|团|联|协|各镇|各乡|各县|各区)$/;

export function looksLikeUnit(name: string): boolean {
  // 各县(市、区)人民政府 and 区人民政府(管委会): a bracket at the end qualifies the name.
  return name.length >= 2 && name.length <= 30 && UNIT_SUFFIX.test(name.replace(/\([^()]*\)$/u, ''));
}

/**
 * A bracket of unit names alone after a sentence ends: `…增长8%左右。 (工资处、就管中心)`. Every unit
 * is responsible. Only after 。/; (or at a line start), so that 城市(建成区) or (AED) stay words.
 */
const UNIT_BRACKET = /(^|[。;；])[ \t\u3000]*[(（]([^()（）。\n:：]{2,120})[)）]/gmu;

function unitListClauses(text: string): ResponsibilityClause[] {
  const clauses: ResponsibilityClause[] = [];
  for (const match of text.matchAll(UNIT_BRACKET)) {
    const inner = match[2] ?? '';
    const open = (match.index ?? 0) + (match[0] ?? '').indexOf(inner) - 1;
    const found = mentions(inner, open + 1, 'responsible');
    if (found.length === 0 || !found.every((u) => looksLikeUnit(u.name))) continue;
    clauses.push({ span: { start: open, end: open + inner.length + 2 }, units: found });
  }
  return clauses;
}

/**
 * 责任单位:财政局、发改局…(列第一位者为牵头或汇总单位,下同): from that note on, the first unit of
 * each clause leads. The note itself is no part of a unit's name.
 */
const FIRST_LEADS = /[(（]?列(?:第一|首)位(?:者|的)?(?:为|是)[^()（）。\n]{0,12}?牵头[^()（）。\n]{0,16}[)）]?/u;

function applyFirstLeads(text: string, clauses: ResponsibilityClause[]): ResponsibilityClause[] {
  const note = FIRST_LEADS.exec(text);
  if (!note) return clauses;
  const noteStart = note.index;
  const noteEnd = noteStart + note[0].length;
  return clauses.map((clause) => {
    if (clause.span.end < noteStart - MAX_CLAUSE) return clause;
    const units = clause.units
      .map((u) => {
        // 工商联(列第一位者为牵头或汇总单位,下同) → 工商联
        if (u.span.end > noteStart && u.span.start < noteEnd) {
          const name = text.slice(u.span.start, Math.max(u.span.start, noteStart)).trim();
          return { ...u, name, canonical: canonicalUnitName(name), span: { start: u.span.start, end: u.span.start + name.length } };
        }
        return u;
      })
      .filter((u) => u.name.length >= 2);
    if (units.some((u) => u.role === 'lead') || units.length === 0) return { ...clause, units };
    return { ...clause, units: units.map((u, k) => (k === 0 ? { ...u, role: 'lead' as const } : u)) };
  });
}

export function findClauses(text: string): ResponsibilityClause[] {
  const labelled = labelledClauses(text);
  const index = new SpanIndex(labelled);
  const overlaps = (c: ResponsibilityClause) => index.has(c.span.start) || index.has(c.span.end - 1);
  const verbs = verbClauses(text).filter((c) => !overlaps(c));
  const both = new SpanIndex([...labelled, ...verbs]);
  const free = (c: ResponsibilityClause) => !both.has(c.span.start) && !both.has(c.span.end - 1);
  const all = [...labelled, ...verbs, ...unitListClauses(text).filter(free)].sort((a, b) => a.span.start - b.span.start);
  return applyFirstLeads(text, all);
}
