// What a table cell holds when its column cannot be trusted: here, whether it is a list of units.
import { looksLikeUnit } from '../clauses.ts';
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
