// What a table cell holds, read from the cell itself: a list of units, a figure, a unit of
// measure, an empty mark. Used where the cell's column cannot be trusted, and to fit the cells
// of a row to the header's columns (fit-row.ts).
import { looksLikeUnit } from '../clauses.ts';
import { readUnit } from '../targets/units-of-measure.ts';
import { splitUnitList } from '../units.ts';

/** Places and parks that stand as units in a 分解表 (经开区, 高新园(邹区镇), 各镇(街道)). */
const PLACE_UNIT = /(区|县|市|镇|乡|园|街道|各镇|各乡镇)$/u;
const SENTENCE_MARK = /[。:：;；!?]/u;
const MAX_UNIT_CELL = 300;

/** 县水务局 / 教育局 / 发改局、住建局、财政局,锦城街道 / 高新园(邹区镇)各街道: every name reads as an organisation. */
export function looksLikeUnitList(text: string): boolean {
  if (text.length < 2 || text.length > MAX_UNIT_CELL || SENTENCE_MARK.test(text) || /\d/u.test(text)) return false;
  const names = splitUnitList(text).map((n) => n.name.replace(/\([^()]*\)$/u, ''));
  if (names.length === 0) return false;
  return names.every((name) => name.length <= 24 && (looksLikeUnit(name) || PLACE_UNIT.test(name)));
}

/** Units of measure that indicator tables write and sentences rarely do (城市万人公交车拥有量 标台). */
const TABLE_MEASURES = ['标台', '标准台', '人年', '万人次', '辆/万人', '吨标准煤', '吨标煤', '万千瓦', '亿千瓦时', '万吨', '万户', '元/人', '个/万人'];
const MAX_MEASURE = 10;

/** One part of a unit: a unit word (with 万/亿) consumed whole, or one of the table measures (人年). */
function isUnitPart(part: string): boolean {
  return TABLE_MEASURES.includes(part) || readUnit(part, 0).length === part.length;
}

/**
 * A unit of measure and nothing else: 万人 / 公里 / % / 元/月/人 / 人年 / (亿元) / 个百分点. Named
 * rule `measure-cell`: the cell of a 计量单位 column, or the unit a label ends in (…比重%).
 */
export function looksLikeMeasureUnit(text: string): boolean {
  const compact = text.replace(/[\s\u3000]/gu, '').replace(/^\((.+)\)$/u, '$1');
  if (compact === '' || compact.length > MAX_MEASURE) return false;
  if (TABLE_MEASURES.includes(compact)) return true;
  return compact.split('/').every((part) => part !== '' && isUnitPart(part));
}

/** Comparator words a figure cell may open with: ≥ 15, 不低于60元, 控制在3以内. */
const FIGURE_PREFIX = '(?:[≥≤<>=]|不低于|不少于|不超过|不高于|低于|高于|超过|达到|大于|小于|控制在|力争|约)?';
const NUMBER = '\\d+(?:\\.\\d+)?';
const FIGURE_SUFFIX = '(?:以上|以下|以内|左右)?';
const FIGURE_HEAD = new RegExp(`^${FIGURE_PREFIX}\\s*${NUMBER}`, 'u');
const FIGURE_TAIL = new RegExp(`^\\s*${FIGURE_SUFFIX}$`, 'u');

/**
 * A figure and nothing else: 186 / 18.4 / 低于 4.1 / ≥ 15 / 100% / 不低于60元 / 5.2万人以上.
 * Named rule `figure-cell`. A unit after the number is read with the target grammar's units.
 */
export function looksLikeFigure(text: string): boolean {
  const compact = text.trim();
  const head = FIGURE_HEAD.exec(compact);
  if (!head) return false;
  let at = head[0].length;
  at += readUnit(compact, at).length;
  return FIGURE_TAIL.test(compact.slice(at));
}

/** `-`, `—`, `/`, `无`: a cell the table leaves empty on purpose. Named rule `empty-mark`. */
export function isEmptyMark(text: string): boolean {
  return /^(?:[-—―/\\~～]+|无|暂无)$/u.test(text.trim());
}
