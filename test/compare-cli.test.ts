// govclip compare: exports and plan files in, a table, JSON, CSV, Markdown or a workbook out;
// a bad input is one line and the rest still compared.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { comparisonSchema, type Comparison } from '../shared/compare/schema.ts';
import { main } from '../pipeline/cli.ts';

const ROOT = join(import.meta.dirname, '..');
const SEEDS = join(ROOT, 'fixtures', 'seeds');
const COMPARE = join(ROOT, 'fixtures', 'compare');
const tmp = mkdtempSync(join(tmpdir(), 'govclip-compare-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n'), errLines: err };
}

/** Every tag opened is closed in order: the XML parses. */
function wellFormed(xml: string): boolean {
  const stack: string[] = [];
  for (const match of xml.replace(/<\?xml[^>]*\?>/, '').matchAll(/<(\/?)([A-Za-z][\w:.]*)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = match;
    if (selfClosing) continue;
    if (closing) {
      if (stack.pop() !== name) return false;
    } else stack.push(name as string);
  }
  return stack.length === 0 && !/&(?!amp;|lt;|gt;|quot;|apos;)/.test(xml);
}

describe('govclip compare', () => {
  it('prints the indicator table: rows = indicators, columns = plans, the stricter marked', async () => {
    const { code, out } = await run('compare', SEEDS);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toBe('4 plans · 97 indicators, 23 shared by two or more plans');
    expect(lines.find((l) => l.startsWith('指标'))).toMatch(/黑龙江省 2018–2020\s+襄阳市 2018–2020\s+吴忠市 2021–2023\s+会宁县 2021/);
    expect(lines.find((l) => l.startsWith('人均公园绿地面积'))).toMatch(/> 8 平方米 \(2020\)\s+≥ 12 平方米 \(2023\) \*\s+≥ 12 平方米 \(2021\) \*$/);
    expect(lines.find((l) => l.startsWith('个人卫生支出'))).toMatch(/≤ 30 % \(2023\)\s+≤ 28 % \(2021\) \*$/);
  });

  it('--json: indicators with their members and where each came from, clauses, units; valid against the schema', async () => {
    const { code, out } = await run('compare', SEEDS, '--json');
    expect(code).toBe(0);
    const comparison: Comparison = comparisonSchema.parse(JSON.parse(out));
    const park = comparison.indicators.find((i) => i.id === 'park-area-per-capita');
    expect(park?.name).toBe('人均公园绿地面积');
    expect(park?.members[0]).toMatchObject({
      doc: '002_b2e59733f8a1a1fc.txt', region: '襄阳市', targetId: 'g29', metric: '人均公园面积', op: '>', value: 8, max: null, unit: '平方米', year: null, stricter: false,
    });
    expect(park?.members[0]?.text).toContain('人均公园面积');
    const volunteering = comparison.clauses.find((c) => c.doc.startsWith('003') && c.title === '落实志愿服务制度');
    expect(volunteering?.similar.map((s) => s.title)).toContain('持续推进志愿服务制度化');
    expect(comparison.units.find((u) => u.unit === '党委宣传部')?.plans).toBe(2);
  });

  it('reads exports written by govclip extract --out, and reports a bad file in one line while comparing the rest', async () => {
    const exports = join(tmp, 'exports');
    expect((await run('extract', join(COMPARE, 'plan-a.txt'), join(COMPARE, 'plan-b.txt'), '--out', exports, '--quiet')).code).toBe(0);
    const { code, out, errLines } = await run('compare', exports, join(COMPARE, 'broken.json'), join(COMPARE, 'not-an-export.json'), join(COMPARE, 'missing.json'), '--json');
    expect(code).toBe(1);
    expect(errLines).toHaveLength(3);
    expect(errLines[0]).toMatch(/missing\.json: no such file or directory$/);
    expect(errLines[1]).toMatch(/broken\.json: not valid JSON \(Unexpected end of JSON input\)$/);
    expect(errLines[2]).toMatch(/not-an-export\.json: not a GovClip export \(document\.id: sha256 of the source bytes, hex\); make one with govclip extract --json$/);
    expect(errLines.join('\n')).not.toMatch(/\n\s+at /);
    const comparison = comparisonSchema.parse(JSON.parse(out));
    expect(comparison.plans.map((p) => p.region)).toEqual(['青溪市', '石门县']);
    expect(comparison.indicators.find((i) => i.id === 'volunteer-registration')?.members.map((m) => `${m.region} ${m.value}`)).toEqual(['青溪市 13', '石门县 15']);
  });

  it('compares the same plan once when given as an export and as a file', async () => {
    const exports = join(tmp, 'exports');
    const { errLines } = await run('compare', exports, join(COMPARE, 'plan-a.txt'), '--json');
    expect(errLines).toEqual([expect.stringMatching(/plan-a\.txt: the same plan as an earlier input, compared once$/)]);
  });

  it('--lexicon adds the user\'s own wordings of an indicator', async () => {
    const plans = [join(COMPARE, 'plan-a.txt'), join(COMPARE, 'plan-b.txt')];
    const without = comparisonSchema.parse(JSON.parse((await run('compare', ...plans, '--json')).out));
    expect(without.indicators.filter((i) => i.name.includes('文明实践站')).map((i) => i.plans)).toEqual([1, 1]);
    const withLexicon = comparisonSchema.parse(JSON.parse((await run('compare', ...plans, '--json', '--lexicon', join(COMPARE, 'my-lexicon.csv'))).out));
    const station = withLexicon.indicators.find((i) => i.name === '新时代文明实践站覆盖率');
    expect(station?.members.map((m) => `${m.metric} ${m.op} ${m.value}${m.stricter ? ' *' : ''}`)).toEqual(['全市新时代文明实践站覆盖率 >= 100 *', '全县文明实践站点覆盖率 >= 90']);
  });

  it('--csv: UTF-8 with a BOM, one row per target, quoted where needed', async () => {
    const plans = [join(COMPARE, 'plan-a.txt'), join(COMPARE, 'plan-b.txt')];
    const { out } = await run('compare', ...plans, '--csv');
    expect(out.startsWith('\uFEFFindicator id,indicator,plan,')).toBe(true);
    const park = out.split('\r\n').filter((r) => r.startsWith('park-area-per-capita,'));
    expect(park).toEqual([
      'park-area-per-capita,人均公园绿地面积,plan-a.txt,青溪市,2025,g3,人均公园绿地面积,≥ 12 平方米,>=,12,,平方米,2025,yes,lexicon,1,人均公园绿地面积≥12平方米,"到2025年底,全市新时代文明实践站覆盖率达到100%,注册志愿者人数占城区常住人口的比例≥13%,人均公园绿地面积≥12平方米。",plan-a.txt',
      'park-area-per-capita,人均公园绿地面积,plan-b.txt,石门县,2025,g3,人均公园面积,> 8 平方米,>,8,,平方米,2025,,lexicon,1,人均公园面积大于8平方米,"到2025年,全县文明实践站点覆盖率≥90%,注册志愿者人数占常住人口比例达到15%以上,人均公园面积大于8平方米。",plan-b.txt',
    ]);
    // Task texts hold commas (NFKC turns ， into ,): those cells are quoted.
    const clauses = (await run('compare', ...plans, '--csv', '--view', 'clauses')).out.split('\r\n');
    expect(clauses[1]).toMatch(/^plan-a\.txt,二 \(一\),推进志愿服务制度化,plan-b\.txt,二 1,志愿服务制度化建设,0\.\d{3},"\(一\)推进志愿服务制度化。健全志愿者注册、服务记录、激励回馈制度,推动/);
  });

  it('--md --view units: a Markdown table of duties', async () => {
    const { out } = await run('compare', join(COMPARE, 'plan-a.txt'), join(COMPARE, 'plan-b.txt'), '--md', '--view', 'units');
    const lines = out.split('\n');
    expect(lines[0]).toBe('| unit | names in plans | plans | plan | role | task | title | text |');
    expect(lines.filter((l) => l.startsWith('| 文明办 | 市文明办、县文明办 | 2 |'))).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('| 团委 |'))).toHaveLength(2);
  });

  it('--xlsx: a workbook with one sheet per view whose XML is well formed', async () => {
    const file = join(tmp, 'seeds.xlsx');
    const { code, err } = await run('compare', SEEDS, '--xlsx', '--out', file);
    expect(code).toBe(0);
    expect(err).toContain(`wrote ${file}`);
    const zip = unzipSync(new Uint8Array(readFileSync(file)));
    expect(Object.keys(zip).sort()).toEqual([
      '[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml',
      'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml', 'xl/worksheets/sheet4.xml',
    ]);
    for (const [name, bytes] of Object.entries(zip)) expect(wellFormed(strFromU8(bytes)), name).toBe(true);
    const workbook = strFromU8(zip['xl/workbook.xml'] as Uint8Array);
    expect([...workbook.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1])).toEqual(['指标对比 indicators', '指标来源 targets', '相似条款 clauses', '单位职责 units']);
    const sheet1 = strFromU8(zip['xl/worksheets/sheet1.xml'] as Uint8Array);
    expect(sheet1).toContain('<c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve">指标 indicator</t></is></c>');
    expect(sheet1).toMatch(/<row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve">人均公园绿地面积<\/t><\/is><\/c><c r="B2" t="inlineStr"><is><t xml:space="preserve"><\/t><\/is><\/c><c r="C2" t="inlineStr"><is><t xml:space="preserve">&gt; 8 平方米 \(2020\)<\/t>/);
    const sheet2 = strFromU8(zip['xl/worksheets/sheet2.xml'] as Uint8Array);
    expect(sheet2).toContain('<v>87.5</v>');
  });

  it('usage errors exit 2 with one line and the usage', async () => {
    const none = await run('compare');
    expect(none.code).toBe(2);
    expect(none.err.split('\n')[0]).toBe('govclip: compare needs exports, plan files or directories');
    const two = await run('compare', SEEDS, '--json', '--csv');
    expect(two.code).toBe(2);
    expect(two.err.split('\n')[0]).toBe('govclip: choose one of --json, --csv, --xlsx, --md');
  });
});
