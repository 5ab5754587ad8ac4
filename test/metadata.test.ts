// Unit tests of plan metadata (shared/metadata.ts): title, region, issuers, 文号, publication
// date and period, each on its own and through the whole extraction.
import { describe, it, expect } from 'vitest';
import { findDocNumber, findIssuers, findPeriod, findPublishedAt, findTitle, parseDate, regionFromTitle } from '../shared/metadata.ts';
import { extractPlan } from '../shared/extract.ts';

const OPTIONS = { id: 'a'.repeat(64), source: { kind: 'text' as const, url: null, file: null } };

/** A short plan body: two numbered sections, each with a full sentence. */
const BODY = [
  '一、总体要求',
  '以习近平新时代中国特色社会主义思想为指导,坚持以人民为中心,扎实推进全国文明城市创建工作。',
  '二、保障措施',
  '加强组织领导,层层压实责任,确保各项任务落到实处。',
].join('\n');

function metaOf(raw: string) {
  const { document } = extractPlan(raw, OPTIONS);
  return {
    title: document.title,
    region: document.region,
    issuers: document.issuers,
    docNumber: document.docNumber,
    publishedAt: document.publishedAt,
    period: document.period,
  };
}

describe('title', () => {
  it('reads a standalone title line', () => {
    const raw = `襄阳市创建全国文明城市三年行动计划(2018-2020年)\n\n为扎实推进创建全国文明城市工作,结合我市实际,特制定本计划。\n\n${BODY}`;
    expect(metaOf(raw).title).toBe('襄阳市创建全国文明城市三年行动计划(2018-2020年)');
  });

  it('reads the plan inside 关于印发《X》的通知', () => {
    const raw = `吴忠市委 人民政府关于印发《吴忠市创建全国文明城市工作规划(2021―2023年)》的通知\n\n各县(市、区)党委和人民政府,市直各部门:\n\n${BODY}`;
    expect(metaOf(raw).title).toBe('吴忠市创建全国文明城市工作规划(2021―2023年)');
    expect(findTitle(['关于印发《会宁县2021年度文明城市创建工作实施方案》的通知'])).toBe('会宁县2021年度文明城市创建工作实施方案');
  });

  it('prefers the plan title line over the 通知 that publishes it', () => {
    expect(findTitle(['市委市政府下发《襄阳市创建全国文明城市三年行动计划(2018-2020年)》', '襄阳市创建全国文明城市三年行动计划(2018-2020年)'])).toBe(
      '襄阳市创建全国文明城市三年行动计划(2018-2020年)',
    );
  });

  it('joins a title broken over two lines and drops (征求意见稿)', () => {
    const raw = ` 会宁县 2021 年度文明城市创建工作\n实施方案\n\n（征求意见稿）\n\n2021 年是新一轮创建全国文明城市开启之年，也是我县省级文明城市创建提升、巩固之年。\n\n${BODY}`;
    expect(metaOf(raw).title).toBe('会宁县2021年度文明城市创建工作实施方案');
    expect(findTitle(['会宁县2021年度文明城市创建工作', '实施方案', '(征求意见稿)'])).toBe('会宁县2021年度文明城市创建工作实施方案');
    expect(findTitle(['会宁县2021年度文明城市创建工作实施方案(征求意见稿)'])).toBe('会宁县2021年度文明城市创建工作实施方案');
  });

  it('joins a title broken before a second line that carries the period', () => {
    expect(metaOf(`吴忠市创建全国文明城市\n工作规划(2021―2023年)\n${BODY}`).title).toBe('吴忠市创建全国文明城市工作规划(2021―2023年)');
  });

  it('gives null when no line is a title', () => {
    expect(findTitle(['创建文明城市是群众性精神文明创建活动的龙头工程,现制定2018-2020年三年行动计划。'])).toBeNull();
  });
});

describe('region', () => {
  it.each([
    ['襄阳市创建全国文明城市三年行动计划(2018-2020年)', '襄阳市'],
    ['吴忠市创建全国文明城市工作规划(2021―2023年)', '吴忠市'],
    ['会宁县2021年度文明城市创建工作实施方案', '会宁县'],
    ['中共会宁县委关于深化文明城市创建的实施意见', '会宁县'],
    ['全市文明城市创建工作要点', null],
  ])('%s → %s', (title, region) => {
    expect(regionFromTitle(title)).toBe(region);
  });

  it('comes from the title in a whole plan', () => {
    expect(metaOf(`会宁县2021年度文明城市创建工作实施方案\n${BODY}`).region).toBe('会宁县');
    expect(metaOf(`关于印发《吴忠市创建全国文明城市工作规划(2021―2023年)》的通知\n${BODY}`).region).toBe('吴忠市');
  });
});

describe('issuers', () => {
  it('reads issuers on their own line above 关于印发《…》的通知', () => {
    const raw = `中共会宁县委办公室 会宁县人民政府办公室\n关于印发《会宁县2021年度文明城市创建工作实施方案》的通知\n${BODY}`;
    expect(metaOf(raw).issuers).toEqual(['中共会宁县委办公室', '会宁县人民政府办公室']);
  });

  it('reads the signature block under the body', () => {
    const raw = `吴忠市创建全国文明城市工作规划(2021―2023年)\n${BODY}\n\n中共吴忠市委员会\n吴忠市人民政府\n2021年4月19日`;
    expect(metaOf(raw).issuers).toEqual(['中共吴忠市委员会', '吴忠市人民政府']);
    expect(findIssuers(['中共吴忠市委员会', '吴忠市人民政府', '2021年4月19日'], [])).toEqual(['中共吴忠市委员会', '吴忠市人民政府']);
  });

  it('reads 市委市政府下发《…》 in the head', () => {
    const raw = `市委市政府下发《襄阳市创建全国文明城市三年行动计划(2018-2020年)》\n\n襄阳市创建全国文明城市三年行动计划(2018-2020年)\n\n${BODY}`;
    expect(metaOf(raw).issuers).toEqual(['市委', '市政府']);
    expect(findIssuers([], ['中共襄阳市委 襄阳市人民政府关于印发《襄阳市创建全国文明城市三年行动计划(2018-2020年)》的通知'])).toEqual([
      '中共襄阳市委',
      '襄阳市人民政府',
    ]);
  });

  it('keeps 办公室 in an issuer named in the head', () => {
    expect(findIssuers([], ['襄阳市人民政府办公室关于印发《襄阳市创建全国文明城市三年行动计划(2018-2020年)》的通知'])).toEqual(['襄阳市人民政府办公室']);
  });

  it('gives none when neither the signature nor the head names one', () => {
    expect(metaOf(`会宁县2021年度文明城市创建工作实施方案\n${BODY}`).issuers).toEqual([]);
  });
});

describe('docNumber', () => {
  it('reads 吴党发〔2021〕14号 under the title', () => {
    const raw = `吴忠市委 人民政府关于印发《吴忠市创建全国文明城市工作规划(2021―2023年)》的通知\n\n吴党发〔2021〕14号\n\n${BODY}`;
    expect(metaOf(raw).docNumber).toBe('吴党发〔2021〕14号');
  });

  it('repairs the damaged 吴党发〔202114', () => {
    expect(findDocNumber(['吴党发〔202114'])).toBe('吴党发〔2021〕14号');
    const raw = `关于印发《吴忠市创建全国文明城市工作规划(2021―2023年)》的通知\n\n                                        吴党发〔202114\n\n${BODY}`;
    expect(metaOf(raw).docNumber).toBe('吴党发〔2021〕14号');
  });

  it('writes other brackets as 〔〕', () => {
    expect(findDocNumber(['会政办发[2021]5号'])).toBe('会政办发〔2021〕5号');
  });

  it('gives null without one; a year in the title is no 文号', () => {
    expect(findDocNumber(['会宁县2021年度文明城市创建工作实施方案'])).toBeNull();
  });
});

describe('publishedAt', () => {
  it('reads 2021年4月19日 in the signature block', () => {
    const raw = `吴忠市创建全国文明城市工作规划(2021―2023年)\n${BODY}\n\n中共吴忠市委员会\n吴忠市人民政府\n2021年4月19日`;
    expect(metaOf(raw).publishedAt).toBe('2021-04-19');
  });

  it('reads 发布时间:2021-04-19 on a web page', () => {
    const raw = `您当前的位置:首页 > 政府信息公开 > 市委(办)文件\n发布时间:2021-04-19 来源:市委办公室\n吴忠市创建全国文明城市工作规划(2021―2023年)\n${BODY}`;
    expect(metaOf(raw).publishedAt).toBe('2021-04-19');
    expect(findPublishedAt([], ['发布时间:2021-04-19'], [])).toBe('2021-04-19');
  });

  it('reads the packed 2021419 that lost its 年月日', () => {
    const raw = `吴忠市创建全国文明城市工作规划(2021―2023年)\n${BODY}\n\n中共吴忠市委员会\n吴忠市人民政府\n                                     2021419`;
    expect(metaOf(raw).publishedAt).toBe('2021-04-19');
  });

  it.each([
    ['2021年4月19日', '2021-04-19'],
    ['2021-04-19', '2021-04-19'],
    ['2021.4.19', '2021-04-19'],
    ['二〇二一年四月十九日', '2021-04-19'],
    ['2021419', '2021-04-19'],
    ['20211219', '2021-12-19'],
    ['2021111', null],
    ['2021年13月1日', null],
  ])('parseDate(%s) → %s', (line, date) => {
    expect(parseDate(line)).toBe(date);
  });
});

describe('period', () => {
  it('reads (2018-2020年) from the title', () => {
    expect(findPeriod('襄阳市创建全国文明城市三年行动计划(2018-2020年)', '')).toEqual({ from: 2018, to: 2020 });
  });

  it('reads 2021―2023年 with a horizontal bar', () => {
    expect(findPeriod('吴忠市创建全国文明城市工作规划(2021―2023年)', '')).toEqual({ from: 2021, to: 2023 });
  });

  it('reads a one-year plan: 2021年度', () => {
    expect(findPeriod('会宁县2021年度文明城市创建工作实施方案', '')).toEqual({ from: 2021, to: 2021 });
  });

  it('reads the opening paragraph when the title has none', () => {
    expect(findPeriod(null, '按照省委、省政府关于推进文明城市创建的总体部署,现制定2018-2020年三年行动计划。')).toEqual({ from: 2018, to: 2020 });
    expect(findPeriod('全市文明城市创建工作要点', '')).toBeNull();
  });

  it('comes out of a whole plan with every other field', () => {
    const raw = [
      '您当前的位置:首页 > 政府信息公开 > 法定主动公开内容 > 市委(办)文件',
      '',
      '吴忠市委 人民政府关于印发《吴忠市创建全国文明城市工作规划(2021―2023年)》的通知',
      '',
      '吴党发〔2021〕14号',
      '',
      '为扎实推进2021—2023年全国文明城市创建工作,根据《全国文明城市测评体系》,结合我市实际,制定本规划。',
      '',
      BODY,
      '',
      '中共吴忠市委员会',
      '吴忠市人民政府',
      '2021年4月19日',
    ].join('\n');
    expect(metaOf(raw)).toEqual({
      title: '吴忠市创建全国文明城市工作规划(2021―2023年)',
      region: '吴忠市',
      issuers: ['中共吴忠市委员会', '吴忠市人民政府'],
      docNumber: '吴党发〔2021〕14号',
      publishedAt: '2021-04-19',
      period: { from: 2021, to: 2023 },
    });
  });
});

describe('metadata met on plans written aside from the seeds', () => {
  it('takes a 街道 as the region and 办事处 as an issuer', () => {
    expect(regionFromTitle('柳塘街道2024年文明创建工作方案')).toBe('柳塘街道');
    expect(regionFromTitle('宜丰县城乡生活垃圾分类三年行动方案')).toBe('宜丰县');
    expect(findIssuers([], ['中共云栖区柳塘街道工作委员会 云栖区柳塘街道办事处', '关于印发《柳塘街道2024年文明创建工作方案》的通知'])).toEqual([
      '中共云栖区柳塘街道工作委员会',
      '云栖区柳塘街道办事处',
    ]);
  });

  it('reads a 关于印发《…》 title wrapped over two lines', () => {
    expect(findTitle(['渠湾区人民政府办公室', '关于印发《渠湾区生态环境保护三年行动方案', '(2024—2026年)》的通知'])).toBe('渠湾区生态环境保护三年行动方案(2024—2026年)');
  });
});
