// Reading government web pages: the body out of the page chrome, the metadata table, the
// mapping from text back to DOM text nodes, and charsets.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { decodeHtml, readHtml } from '../pipeline/load/html.ts';
import { extractPlanDetailed } from '../shared/extract.ts';
import { spanToDom } from '../shared/html/anchor.ts';
import { domPosition } from '../shared/html/dom-text.ts';
import { readPage } from '../shared/html/read-page.ts';
import { encodeGbk } from './support/gbk.ts';

const parse = (html: string) => parseHTML(html).document as unknown as Document;
const FILLER = '为深入推进全国文明城市创建工作,进一步提升市民文明素质和城市文明程度,结合本县实际,制定本方案。'.repeat(4);

const PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>会宁县人民政府</title></head><body>
<div class="nav"><a>首页</a><a>政务公开</a><a>政务服务</a></div>
<div class="position">您当前的位置:首页 &gt; 政府信息公开 &gt; 通知公告</div>
<table class="xxgk"><tr><td>索引号:</td><td>620422-2021-00031</td><td>发文机关:</td><td>会宁县人民政府办公室</td></tr>
<tr><td>成文日期:</td><td>2021年04月19日</td><td>发布日期:</td><td>2021-04-21</td></tr>
<tr><td>文号:</td><td>会政办发〔2021〕31号</td><td>主题分类:</td><td>城乡建设</td></tr></table>
<h1>会宁县2021年度文明城市创建工作实施方案</h1>
<div class="info">发布时间:2021-04-21 来源:县文明办</div>
<div class="TRS_Editor"><p style="text-indent:2em">${FILLER}</p>
<p>1.<span>政务环境提升。</span><span>全民法治宣传教育的普及率≥95%</span>。(牵头单位:县委组织部;责任单位:各乡镇)</p>
<p>2.生态环境提升。空气质量优良<br>天数比例≥87.5%。</p></div>
<div class="share">分享到:微信 微博</div><div>扫一扫在手机上查看当前页面</div>
<div class="footer">主办单位:会宁县人民政府办公室 网站标识码:6204220001</div></body></html>`;

describe('reading a 政府信息公开 page', () => {
  const reading = readPage(parse(PAGE), parse);

  it('takes the headline and the CMS body, not the chrome', () => {
    const lines = reading.text.split('\n');
    expect(lines[0]).toBe('会宁县2021年度文明城市创建工作实施方案');
    expect(lines).toContain('1.政务环境提升。全民法治宣传教育的普及率≥95%。(牵头单位:县委组织部;责任单位:各乡镇)');
    expect(reading.text).not.toMatch(/您当前的位置|扫一扫|主办单位|分享到|索引号/);
  });

  it('reads the metadata table before cleaning', () => {
    expect(reading.metadata).toMatchObject({
      title: '会宁县2021年度文明城市创建工作实施方案',
      issuers: ['会宁县人民政府办公室'],
      docNumber: '会政办发〔2021〕31号',
      publishedAt: '2021-04-21',
      indexNumber: '620422-2021-00031',
      topic: '城乡建设',
    });
  });

  it('maps every character back to its DOM text node', () => {
    const at = reading.text.indexOf('95%');
    const position = domPosition(reading.segments, at);
    expect(position?.node.data.slice(position.offset, position.offset + 3)).toBe('95%');
    // Text split across <span>s maps into each span's own node.
    const title = reading.text.indexOf('政务环境提升');
    expect(domPosition(reading.segments, title)?.node.data).toBe('政务环境提升。');
  });

  it('keeps a <br> as a line break', () => {
    expect(reading.text).toContain('空气质量优良\n天数比例≥87.5%');
  });
});

describe('pages without a known CMS container', () => {
  it('finds the body with Readability and maps back to the original nodes', () => {
    const html = `<html><body><div id="top">网站首页 政务公开 互动交流</div><div id="main"><div class="wrap">
      <p>${FILLER}</p><p>一、工作目标</p><p>到2025年,城市生活垃圾回收利用率达到35%以上。</p><p>${FILLER}</p></div></div>
      <div id="foot">版权所有 联系我们</div></body></html>`;
    const doc = parse(html);
    const reading = readPage(doc, parse);
    expect(reading.text).toContain('到2025年,城市生活垃圾回收利用率达到35%以上。');
    expect(reading.text).not.toContain('版权所有');
    const position = domPosition(reading.segments, reading.text.indexOf('35%'));
    expect(doc.body.contains(position?.node as unknown as Node)).toBe(true);
    // The page is left as it was: no marker attributes remain.
    expect(html.includes('data-govclip') || doc.body.innerHTML.includes('data-govclip')).toBe(false);
  });
});

describe('charsets', () => {
  it('decodes a page declared gb2312 and served as GBK bytes', () => {
    const text = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><div id="zoom"><p>' + FILLER + '</p></div></body></html>';
    const bytes = encodeGbk(text);
    const decoded = decodeHtml(bytes);
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.html).toContain('全国文明城市创建');
    expect(readHtml(bytes).text).toContain('进一步提升市民文明素质');
  });

  it('decodes UTF-8 pages that declare nothing', () => {
    expect(decodeHtml(new TextEncoder().encode('<p>文明城市</p>'))).toEqual({ html: '<p>文明城市</p>', encoding: 'utf-8' });
  });
});


describe('任务分工 tables', () => {
  it('reads each row as the task with its responsibility clause', () => {
    const html = `<html><body><h1>会宁县文明城市创建工作实施方案</h1><div class="TRS_Editor"><p>${FILLER}</p>
      <table><tr><td><p>序号</p></td><td><p>任务</p></td><td><p>牵头单位</p></td><td><p>责任单位</p></td><td>完成时限</td></tr>
      <tr><td>1</td><td><p>政务环境提升。全民法治宣传教育的普及率≥95%。</p><p>优化审批程序。</p></td><td>县委组织部、县司法局</td><td>各乡镇</td><td>2021年10月</td></tr>
      <tr><td>2</td><td>生态环境提升。空气质量优良天数比例≥87.5%。</td><td></td><td>县生态环境分局</td><td>长期</td></tr></table></div></body></html>`;
    const reading = readPage(parse(html), parse);
    expect(reading.text.split('\n').slice(-2)).toEqual([
      '1.政务环境提升。全民法治宣传教育的普及率≥95%。优化审批程序。(牵头单位:县委组织部、县司法局;责任单位:各乡镇;完成时限:2021年10月)',
      '2.生态环境提升。空气质量优良天数比例≥87.5%。(责任单位:县生态环境分局;完成时限:长期)',
    ]);
    // The 完成时限 column becomes each task's deadline.
    const exp = extractPlanDetailed(reading.text, { id: '0'.repeat(64), source: { kind: 'html', url: null, file: null } }).export;
    expect(exp.tasks.map((task) => (task.deadlines ?? []).map((d) => [d.text, d.by, d.ongoing]))).toEqual([[['2021年10月', '2021-10', false]], [['长期', null, true]]]);
    expect(exp.tasks[0]?.responsibleUnits).toEqual(['各乡镇']);
    // The units still map onto the table cells they came from.
    const at = reading.text.indexOf('县生态环境分局');
    expect(domPosition(reading.segments, at)?.node.data).toBe('县生态环境分局');
  });
});

describe('highlighting from the export', () => {
  it('maps every target span of a real page back onto the text nodes that show it', () => {
    const html = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'forms', 'html', 'seed-001.html'), 'utf8');
    const doc = parse(html);
    const reading = readPage(doc, parse);
    const { export: exported, sourceOffsets } = extractPlanDetailed(reading.text, { id: '0'.repeat(64), source: { kind: 'html', url: null, file: 'seed-001.html' } });
    expect(exported.targets.length).toBe(19);
    for (const target of exported.targets) {
      const ends = spanToDom(target.span, sourceOffsets, reading.segments);
      expect(ends, target.metric).not.toBeNull();
      // The value is in one of the text nodes between the two ends (here: the end node).
      const endText = ends?.end.node.data.slice(0, ends.end.offset) ?? '';
      expect(endText, target.metric).toContain(String(target.value));
    }
  });
});
