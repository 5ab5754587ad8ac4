// Table-shaped plans as real pages and PDFs give them (issue 9, item 4): cells apart by tabs or
// runs of spaces, cells run together with nothing between them, and tables on PDF pages read
// from where their items stand. One test per named rule, each on a table of the kinds staff
// meet (指标表, 民生实事 分解表, 进展情况表), written for the test.
import { describe, expect, it } from 'vitest';
import { extractPlan } from '../shared/extract.ts';
import type { GovClipExport } from '../shared/schema.ts';
import { normaliseText } from '../shared/normalise/index.ts';
import { looksLikeFigure, looksLikeMeasureUnit, isEmptyMark } from '../shared/tables/cells.ts';
import { columnKind, headerUnit, resolveColumns } from '../shared/tables/columns.ts';
import { fitRow } from '../shared/tables/fit-row.ts';
import { linesFromItems, type PdfTextItem } from '../shared/pdf/lines.ts';

function extract(text: string): GovClipExport {
  return extractPlan(text, { id: '0'.repeat(64), source: { kind: 'text', url: null, file: 'plan.txt' } });
}

type Row = [string, string, number, string, number | null];

function targetsOf(text: string): Row[] {
  return extract(text).targets.map((t) => [t.metric, t.op, t.value, t.unit, t.year]);
}

function unitsOf(text: string): Array<[string[], string[]]> {
  return extract(text)
    .tasks.filter((t) => t.leadUnits.length + t.responsibleUnits.length > 0)
    .map((t) => [t.leadUnits, t.responsibleUnits]);
}

/** The normalised lines, a tab shown as ` | `. */
function cellsOf(text: string): string[] {
  return normaliseText(text)
    .text.split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => l.replace(/\t/g, ' | '));
}

describe('cells: what a cell holds, read from the cell alone', () => {
  it('measure-cell: a unit of measure and nothing else', () => {
    expect(['万人', '公里', '%', '元/月/人', '人年', '(亿元)', '个百分点', '标台', '微克/立方米'].map(looksLikeMeasureUnit)).toEqual(Array(9).fill(true));
    expect(['新增城镇就业', '5.2', '县教育局', ''].map(looksLikeMeasureUnit)).toEqual([false, false, false, false]);
  });

  it('figure-cell: a figure with its comparator, unit and suffix, nothing else', () => {
    expect(['186', '≥ 15', '低于 4.1', '100%', '不低于60元', '6左右', '=100'].map(looksLikeFigure)).toEqual(Array(7).fill(true));
    expect(['达到目标60元', '11月底前完成', '新建8所', '<4/<5.5'].map(looksLikeFigure)).toEqual([false, false, false, false]);
  });

  it('empty-mark: -, —, / and 无 are cells left empty on purpose', () => {
    expect(['-', '—', '/', '无', '0'].map(isEmptyMark)).toEqual([true, true, true, true, false]);
  });
});

describe('columns: what a header names', () => {
  it('计量单位 is the unit of the row\'s figures; 属性 and 基期值 hold no target', () => {
    expect(['计量单位', '单 位', '属性', '基期值', '2025年目标值'].map(columnKind)).toEqual(['measure', 'measure', 'ignored', 'baseline', 'target']);
  });

  it('earlier-year-is-baseline: of 2020年 and 2025年 the later is the target', () => {
    expect(resolveColumns(['序号', '指标', '2020年', '2025年', '属性'])).toEqual(['number', 'content', 'baseline', 'target', 'ignored']);
  });

  it('a unit in the header\'s bracket: 目标值(%)', () => {
    expect([columnKind('目标值(%)'), headerUnit('目标值(%)'), headerUnit('目标值')]).toEqual(['target', '%', null]);
  });
});

describe('fit-row: cells to columns by what they hold', () => {
  const columns = resolveColumns(['序号', '考核指标', '单位', '工作目标', '已完成数', '完成率', '备注']);

  it('a row that leaves cells out keeps the others under their own columns', () => {
    // No 序号 (a sub-row) and no 单位: 8 → 工作目标, 7 → 已完成数, 87.5% → 完成率, 县教育局 → 备注.
    expect(fitRow(columns, ['改扩建公办幼儿园', '8', '7', '87.5%', '县教育局'])).toEqual([1, 3, 4, 5, 6]);
    expect(fitRow(columns, ['3', '新增农村通自来水人口', '万人', '4.5', '5.1', '113.3%'])).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('group-name: a group before the row\'s own content shares the content column', () => {
    expect(fitRow(columns, ['9', '城乡供水工程', '新建农村集中供水站12座', '12', '10', '83.3%', '县水利局'])).toEqual([0, 1, 1, 3, 4, 5, 6]);
  });

  it('unit-overflow: units run on in the last unit column', () => {
    const task = resolveColumns(['序号', '项目名称', '分管领导', '牵头单位', '配合单位']);
    expect(fitRow(task, ['2', '新建城市书房10家', '王立新', '市文广旅局', '各区政府', '市财政局'])).toEqual([0, 1, 2, 3, 4, 4]);
  });
});

describe('cell-gaps: cells apart by white space stay cells', () => {
  it('tab-header: a table pasted from a spreadsheet, units from the unit columns', () => {
    const text = [
      '2023年为民办实事项目分解表',
      '序号\t项目名称\t目标任务\t牵头单位\t配合单位\t完成时限',
      '1\t新建城市书房\t新建城市书房8家\t市文广旅局\t各区政府\t2023年10月',
      '2\t老旧小区改造\t改造老旧小区32个\t市住建局\t市财政局、各区政府\t2023年12月',
      '',
    ].join('\n');
    expect(unitsOf(text)).toEqual([
      [['市文广旅局'], ['各区政府']],
      [['市住建局'], ['市财政局', '各区政府']],
    ]);
    expect(targetsOf(text)).toEqual([
      ['新建城市书房', '=', 8, '家', 2023],
      ['改造老旧小区', '=', 32, '个', 2023],
    ]);
  });

  it('wide-header: columns apart by runs of spaces, the later year column is the target, 左右 is ~', () => {
    const text = [
      '“十四五”时期经济社会发展主要指标',
      '序号   指标名称                          单位     2020年    2025年    属性',
      '1      地区生产总值年均增长               %        4.2       6左右     预期性',
      '2      常住人口城镇化率                   %        58.3      63        预期性',
      '3      每千人口拥有执业(助理)医师数       人       2.6       3.2       约束性',
      '',
    ].join('\n');
    expect(cellsOf(text)[2]).toBe('1 | 地区生产总值年均增长 | % | 4.2 | 6左右 | 预期性');
    expect(targetsOf(text)).toEqual([
      ['地区生产总值年均增长', '~', 6, '%', 2025],
      ['常住人口城镇化率', '=', 63, '%', 2025],
      ['每千人口拥有执业(助理)医师数', '=', 3.2, '人', 2025],
    ]);
  });

  it('any-header: single spaces between cells, letter-spaced header words (单 位, 备  注), progress never a target', () => {
    const text = [
      '2022年民生实事项目完成情况表',
      '序号 项目 单 位 目标任务 已完成 完成率 备  注',
      '1 新增城镇就业 万人 1.2 1.35 112.5% 市人社局',
      '2 新建公办幼儿园 所 6 5 83.3% 市教育局',
      '改扩建公办幼儿园 所 4 - -',
      '3 农村公路提质改造 公里 不低于120公里 131 109.2%',
      '',
    ].join('\n');
    expect(cellsOf(text)[1]).toBe('序号 | 项目 | 单位 | 目标任务 | 已完成 | 完成率 | 备注');
    expect(targetsOf(text)).toEqual([
      ['新增城镇就业', '=', 1.2, '万人', 2022],
      ['新建公办幼儿园', '=', 6, '所', 2022],
      ['改扩建公办幼儿园', '=', 4, '所', 2022],
      ['农村公路提质改造', '>=', 120, '公里', 2022],
    ]);
  });

  it('tab-rows: tab-separated lines without a header keep their tabs; a lone tab elsewhere is a space', () => {
    expect(cellsOf('新建学校\t3所\t县教育局\n改造道路\t12公里\t县交通局\n请各单位按月报送进度。\n联系人:\t张明\n')).toEqual([
      '新建学校 | 3所 | 县教育局',
      '改造道路 | 12公里 | 县交通局',
      '请各单位按月报送进度。',
      '联系人:张明',
    ]);
  });

  it('a row of a spaced table is never joined to the next line, however long', () => {
    const long = '建设区域性综合物流园区一期工程,完成仓储、分拣、冷链配送设施建设并投入运营';
    expect(cellsOf(`序号 项目内容 牵头单位 完成时限\n1 ${long} 区商务局 12月底\n2 新建农贸市场2个 区市场监管局 10月底\n`)).toHaveLength(3);
  });
});

describe('table-plan: what a row\'s figure takes from the row and the header', () => {
  it('label-quantity and label-group: the label\'s own counts and group name are not the figure\'s metric; a class threshold stays', () => {
    const text = [
      '序号 考核指标 单位 工作目标 已完成 完成率',
      '1 改造农村危房1200户以上 户 1350 1402 103.9%',
      '2 城乡供水工程 新增农村集中供水人口3万人 万人 3.2 3.4 106.3%',
      '3 新引进5亿元以上产业项目 个 12 13 108.3%',
      '4 完成村卫生室标准化建设(东乡13个、西乡8个) 个 21 21 100.0%',
      '',
    ].join('\n');
    expect(targetsOf(text).filter((t) => [1350, 3.2, 12, 21].includes(t[2]))).toEqual([
      ['改造农村危房', '=', 1350, '户', null],
      ['新增农村集中供水人口', '=', 3.2, '万人', null],
      ['新引进5亿元以上产业项目', '=', 12, '个', null],
      ['村卫生室标准化建设', '=', 21, '个', null],
    ]);
  });

  it('paired-slash: 城镇登记失业率/城镇调查失业率 | <4/<5.5 gives one target per pair', () => {
    const text = ['序号\t指标名称\t计量单位\t2025年目标值', '1\t城镇登记失业率/城镇调查失业率\t%\t<4/<5.5', '2\t基本养老保险参保率\t%\t≥95', ''].join('\n');
    expect(targetsOf(text)).toEqual([
      ['城镇登记失业率', '<', 4, '%', 2025],
      ['城镇调查失业率', '<', 5.5, '%', 2025],
      ['基本养老保险参保率', '>=', 95, '%', 2025],
    ]);
  });

  it('dated-target-column: a target read inside a row (not a figure cell) takes the column\'s year', () => {
    const text = ['序号\t指标名称\t2025年目标值', '1\t居民人均可支配收入\t年均增长6%以上', '2\t城乡居民医保参保率\t≥96%', ''].join('\n');
    expect(targetsOf(text).map((t) => [t[2], t[4]])).toEqual([
      [6, 2025],
      [96, 2025],
    ]);
  });
});

describe('run-together: a table whose cells a page ran together', () => {
  const indicators =
    '附件某市“十四五”生态环境保护主要指标指标名称计量单位2025年目标值责任单位一、环境质量1细颗粒物(PM2.5)年均浓度微克/立方米≤32市生态环境局2空气质量优良天数比率%≥88市生态环境局3地表水国控断面水质优良比例% ≥ 85市生态环境局市水利局二、生态保护4森林覆盖率%≥455城市建成区绿地率%≥40市住建局\n';

  it('run-together-header, category-line, glued-row-number and indicator-row: each row a line, cut at the change from label to figure', () => {
    expect(cellsOf(indicators)).toEqual([
      '附件某市“十四五”生态环境保护主要指标',
      '指标名称 | 计量单位 | 2025年目标值 | 责任单位',
      '一、环境质量',
      '1 | 细颗粒物(PM2.5)年均浓度 | 微克/立方米 | ≤32 | 市生态环境局',
      '2 | 空气质量优良天数比率 | % | ≥88 | 市生态环境局',
      '3 | 地表水国控断面水质优良比例 | % | ≥85 | 市生态环境局市水利局',
      '二、生态保护',
      '4 | 森林覆盖率 | % | ≥45',
      '5 | 城市建成区绿地率 | % | ≥40 | 市住建局',
    ]);
    expect(targetsOf(indicators)).toEqual([
      ['细颗粒物(PM2.5)年均浓度', '<=', 32, '微克/立方米', 2025],
      ['空气质量优良天数比率', '>=', 88, '%', 2025],
      ['地表水国控断面水质优良比例', '>=', 85, '%', 2025],
      ['森林覆盖率', '>=', 45, '%', 2025],
      ['城市建成区绿地率', '>=', 40, '%', 2025],
    ]);
  });

  it('a title that runs column words together (民生实事项目目标任务) opens no table', () => {
    expect(cellsOf('关于下达2024年民生实事项目目标任务的通知\n')).toEqual(['关于下达2024年民生实事项目目标任务的通知']);
  });

  it('group-name-by-sibling: a row holding a group of indicators names the group before its first one', () => {
    const text = '指标名称计量单位2025年目标值资料来源1医疗卫生水平每千人口执业医师数人≥3.2市卫健委每千人口注册护士数人≥3.8市卫健委2人均预期寿命岁≥80市统计局\n';
    expect(cellsOf(text).slice(1)).toEqual([
      '1 | 医疗卫生水平 | 每千人口执业医师数 | 人 | ≥3.2 | 市卫健委',
      '每千人口注册护士数 | 人 | ≥3.8 | 市卫健委',
      '2 | 人均预期寿命 | 岁 | ≥80 | 市统计局',
    ]);
    expect(targetsOf(text).map((t) => t[0])).toEqual(['每千人口执业医师数', '每千人口注册护士数', '人均预期寿命']);
  });

  it('glued-unit-names: a unit cell of names with no separator (南大街街道荷花池街道) is split where each name ends', () => {
    const text = ['序号\t项目内容\t牵头单位\t配合单位', '1\t完成老旧小区改造12个。\t区住建局\t南大街街道荷花池街道', '2\t新建口袋公园5个。\t区城管局\t区财政局', ''].join('\n');
    expect(unitsOf(text)).toEqual([
      [['区住建局'], ['南大街街道', '荷花池街道']],
      [['区城管局'], ['区财政局']],
    ]);
  });

  it('task-row and name-then-content: content to its last sentence, the person, then unit names with their brackets', () => {
    const text =
      '2024年民生实事项目责任分解表序号项目名称主要内容分管领导牵头单位配合单位1城乡供水一体化完成城乡供水管网改造120公里,新增受益人口3.5万人。李建国市水务局各县(市、区)人民政府市财政局2老年助餐服务新建社区老年食堂40个。王芳市民政局各街道办事处\n';
    expect(cellsOf(text).slice(1)).toEqual([
      '序号 | 项目名称 | 主要内容 | 分管领导 | 牵头单位 | 配合单位',
      '1 | 城乡供水一体化 | 完成城乡供水管网改造120公里,新增受益人口3.5万人。 | 李建国 | 市水务局 | 各县(市、区)人民政府 | 市财政局',
      '2 | 老年助餐服务 | 新建社区老年食堂40个。 | 王芳 | 市民政局 | 各街道办事处',
    ]);
    expect(unitsOf(text)).toEqual([
      [['市水务局'], ['各县(市、区)人民政府', '市财政局']],
      [['市民政局'], ['各街道办事处']],
    ]);
    expect(targetsOf(text).map((t) => [t[0], t[2], t[4]])).toEqual([
      ['城乡供水管网改造', 120, 2024],
      ['新增受益人口', 3.5, 2024],
      ['新建社区老年食堂', 40, 2024],
    ]);
  });
});

describe('PDF tables from item positions', () => {
  /** Items of one line: [text, x, width] at baseline y, 10-point type. */
  const line = (y: number, cells: Array<[string, number, number]>): PdfTextItem[] => cells.map(([str, x, width]) => ({ str, x, y, width, height: 10 }));

  it('table-block, column-white and edge-lines: a wrapped cell is one cell, a one-line cell centred beside it stays in its row', () => {
    const items = [
      ...line(800, [['2024年农村公路建设任务表', 150, 240]]),
      ...line(772, [['占年度', 400, 30]]),
      ...line(765, [['序号', 50, 20], ['项目内容', 120, 40], ['单位', 230, 20], ['目标值', 280, 30], ['牵头单位', 340, 40]]),
      ...line(758, [['计划', 400, 20]]),
      ...line(737, [['实施农村公路提质改造,重点', 80, 130]]),
      ...line(730, [['1', 55, 5], ['公里', 230, 20], ['120', 285, 15], ['县交通局', 340, 40], ['40%', 405, 15]]),
      ...line(723, [['推进通组公路建设', 80, 80]]),
      ...line(700, [['2', 55, 5], ['新建农村客运招呼站', 80, 90], ['个', 235, 10], ['35', 287, 10], ['县交通局', 340, 40]]),
      ...line(670, [['以上任务于2024年12月底前完成,各单位按月报送进展情况。', 50, 420]]),
    ];
    expect(linesFromItems(items).map((l) => l.trim())).toEqual([
      '2024年农村公路建设任务表',
      '序号\t项目内容\t单位\t目标值\t牵头单位\t占年度计划',
      '1\t实施农村公路提质改造,重点推进通组公路建设\t公里\t120\t县交通局\t40%',
      '2\t新建农村客运招呼站\t个\t35\t县交通局',
      '以上任务于2024年12月底前完成,各单位按月报送进展情况。',
    ]);
  });

  it('hard-break: a unit cell that lists one unit a line (lines stopping short of the column\'s edge) gives one piece a unit', () => {
    const items = [
      ...line(700, [['序号', 50, 20], ['项目', 100, 20], ['牵头单位', 250, 40], ['配合单位', 320, 40]]),
      ...line(680, [['1', 55, 5], ['新建城市书房8家,每家面积不少于', 100, 130], ['市文广旅局', 250, 50], ['市财政局', 320, 40]]),
      ...line(666, [['200平方米', 100, 45], ['各区人民政府办公室', 320, 90]]),
    ];
    expect(linesFromItems(items)).toEqual(['序号\t项目\t牵头单位\t配合单位', '1\t新建城市书房8家,每家面积不少于200平方米\t市文广旅局\t市财政局\t各区人民政府办公室']);
  });

  it('stacked-rows: one-line rows set close together (no cell padding) are rows, not one wrapped row', () => {
    const items = [
      ...line(700, [['序号', 50, 20], ['项目', 100, 20], ['牵头单位', 250, 40]]),
      ...line(688, [['1', 55, 5], ['新建公厕15座', 100, 60], ['县城管局', 250, 40]]),
      ...line(676, [['2', 55, 5], ['改造供热管网8公里', 100, 90], ['县住建局', 250, 40]]),
      ...line(664, [['3', 55, 5], ['新增停车位600个', 100, 80], ['县公安局', 250, 40]]),
    ];
    expect(linesFromItems(items)).toEqual(['序号\t项目\t牵头单位', '1\t新建公厕15座\t县城管局', '2\t改造供热管网8公里\t县住建局', '3\t新增停车位600个\t县公安局']);
  });

  it('prose with an odd gap is no table', () => {
    const items = [...line(700, [['一、总体要求', 50, 60]]), ...line(680, [['坚持以人民为中心,', 70, 100], ['聚焦群众急难愁盼。', 190, 100]]), ...line(660, [['到2025年,基本建成城乡一体化供水体系。', 50, 300]])];
    expect(linesFromItems(items).some((l) => l.includes('\t'))).toBe(false);
  });
});
