// Which column each cell of a row belongs to when the row has fewer or more cells than the
// header (a merged cell left out, an empty cell dropped, a group name in front): the cells keep
// their order and each goes to a column that fits what it holds. The best fit over the whole row
// is found by dynamic programming (cells × columns², both small and capped), so one odd cell
// cannot push the rest of the row out of place.
import { looksLikeFigure, looksLikeMeasureUnit, looksLikeUnitList, isEmptyMark } from './cells.ts';
import type { ColumnKind } from './columns.ts';

/** What a cell holds, read from the cell alone. */
export interface CellFeatures {
  rowNumber: boolean;
  figure: boolean;
  measure: boolean;
  units: boolean;
  deadline: boolean;
  empty: boolean;
  text: boolean;
}

const ROW_NUMBER = /^\d{1,4}$/u;
const DEADLINE_TEXT = /^((19|20)\d{2}(年|\.)\d{0,2}月?|\d{1,2}月)(底|末|上旬|中旬|下旬)?(前|以前)?$|^(长期|持续|年内|年底前|全年)/u;

export function cellFeatures(text: string): CellFeatures {
  const rowNumber = ROW_NUMBER.test(text);
  const empty = isEmptyMark(text);
  const deadline = DEADLINE_TEXT.test(text) && text.length <= 14;
  const figure = !deadline && looksLikeFigure(text);
  const measure = !figure && looksLikeMeasureUnit(text);
  const units = !measure && looksLikeUnitList(text);
  return { rowNumber, figure, measure, units, deadline, empty, text: !(rowNumber || empty || deadline || figure || measure || units) };
}

/**
 * How well a cell fits a column: 2 what the column is for, 1 or 0.5 what it may hold, 0 never.
 * Named rows, each with an example of the cell it is about.
 */
interface FitRule {
  kind: ColumnKind;
  example: string;
  score: (cell: CellFeatures) => number;
}

const FIT_RULES: readonly FitRule[] = [
  { kind: 'number', example: '1', score: (c) => (c.rowNumber ? 2 : c.empty ? 1 : 0) },
  { kind: 'content', example: '城镇新增就业', score: (c) => (c.text ? 2 : c.units || c.deadline ? 0.5 : 0) },
  { kind: 'measure', example: '万人 / 元/月/人', score: (c) => (c.measure ? 2 : c.empty ? 1 : 0) },
  { kind: 'target', example: '5.2 / 不低于60元', score: (c) => (c.figure ? 2 : c.empty || c.text ? 1 : c.deadline ? 0.5 : 0) },
  { kind: 'baseline', example: '4.6', score: (c) => (c.figure ? 2 : c.empty || c.text ? 1 : 0) },
  { kind: 'progress', example: '139.1% / 11月底厂家开始安排发货', score: (c) => (c.figure ? 2 : c.empty || c.text || c.deadline ? 1 : c.units ? 0.5 : 0) },
  { kind: 'weight', example: '3', score: (c) => (c.figure ? 2 : c.empty ? 1 : 0) },
  { kind: 'lead', example: '县教育局', score: (c) => (c.units ? 2 : c.empty ? 1 : c.text ? 0.5 : 0) },
  { kind: 'responsible', example: '县财政局、县住建局', score: (c) => (c.units ? 2 : c.empty ? 1 : c.text ? 0.5 : 0) },
  { kind: 'unit', example: '各乡镇', score: (c) => (c.units ? 2 : c.empty ? 1 : c.text ? 0.5 : 0) },
  { kind: 'deadline', example: '2021年8月', score: (c) => (c.deadline ? 2 : c.empty ? 1 : c.figure || c.text ? 0.5 : 0) },
  { kind: 'people', example: '何海平', score: (c) => (c.text ? 1.5 : c.empty ? 1 : c.units ? 0.5 : 0) },
  { kind: 'ignored', example: '人力资源社会保障局 (备注)', score: (c) => (c.units ? 2 : c.empty || c.figure || c.text || c.deadline ? 1 : 0.5) },
  { kind: 'unknown', example: '(a header cell no rule names)', score: () => 0.5 },
];

const SCORE = new Map(FIT_RULES.map((rule) => [rule.kind, rule.score]));

/**
 * Columns a row may fill with several cells, each with why: `group-name` a merged cell above the
 * row names its group before the row's own content (数字广播电视户户通工程 / 60座台站开展…覆盖);
 * `unit-overflow` a run of unit cells all belong to the last unit column (晋陵公司 / 轨道公司).
 */
const REPEATABLE: ReadonlyMap<ColumnKind, number> = new Map<ColumnKind, number>([
  ['content', -0.5],
  ['lead', -0.6],
  ['responsible', -0.1],
  ['unit', -0.1],
  ['ignored', -0.1],
  ['progress', -0.3],
]);
const SKIP = -0.1;
const MAX_FITTED_CELLS = 40;

/**
 * The column index of each cell (in order), or null when the row fits nowhere (a cell no column
 * can hold). Rows of more than MAX_FITTED_CELLS cells are not fitted.
 */
export function fitRow(columns: readonly ColumnKind[], cells: readonly string[]): number[] | null {
  const m = cells.length;
  const n = columns.length;
  if (m === 0 || n === 0 || m > MAX_FITTED_CELLS) return null;
  const features = cells.map(cellFeatures);
  const fit = (i: number, j: number) => (SCORE.get(columns[j] as ColumnKind) ?? (() => 0))(features[i] as CellFeatures);
  // best[i][j]: the best score of cells 0..i with cell i in column j; from[i][j] the column of cell i-1.
  const best: number[][] = [];
  const from: number[][] = [];
  for (let i = 0; i < m; i++) {
    best.push(new Array<number>(n).fill(-Infinity));
    from.push(new Array<number>(n).fill(-1));
    for (let j = 0; j < n; j++) {
      const score = fit(i, j);
      if (score <= 0) continue;
      if (i === 0) {
        best[0]![j] = score + SKIP * j;
        continue;
      }
      for (let p = 0; p <= j; p++) {
        const before = best[i - 1]![p]!;
        if (before === -Infinity) continue;
        const step = p === j ? REPEATABLE.get(columns[j] as ColumnKind) : SKIP * (j - p - 1);
        if (step === undefined) continue;
        const total = before + score + step;
        if (total > best[i]![j]!) {
          best[i]![j] = total;
          from[i]![j] = p;
        }
      }
    }
  }
  let end = -1;
  let top = -Infinity;
  for (let j = 0; j < n; j++) {
    const total = best[m - 1]![j]! + SKIP * (n - 1 - j);
    if (total > top) {
      top = total;
      end = j;
    }
  }
  if (end === -1) return null;
  const assigned = new Array<number>(m);
  for (let i = m - 1, j = end; i >= 0; i--) {
    assigned[i] = j;
    j = from[i]![j]!;
  }
  return assigned;
}
