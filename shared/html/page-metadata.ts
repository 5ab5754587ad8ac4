// What a 政府信息公开 page says about the document outside its body: the metadata table
// (索引号, 发文机关, 成文日期, 发布日期, 文号, 主题分类), the 发布时间/来源 line, the
// ArticleTitle-style <meta> tags and the headline. Read before the page is cleaned.
import { parseDate } from '../metadata.ts';
import type { PlanMetadata } from '../model.ts';

export interface PageMetadata {
  title: string | null;
  issuers: string[];
  docNumber: string | null;
  /** 发布日期 (publication), else 成文日期 (signing), as YYYY-MM-DD. */
  publishedAt: string | null;
  indexNumber: string | null;
  source: string | null;
  topic: string | null;
}

/** Table and list labels as sites write them, to the field they fill. */
const LABELS: ReadonlyArray<readonly [RegExp, keyof PageMetadata | 'signedAt']> = [
  [/^(索\s*引\s*号)$/, 'indexNumber'],
  [/^(发文机关|发布机构|发文单位|发布单位|成文机关)$/, 'issuers'],
  [/^(成文日期|成文时间|印发日期)$/, 'signedAt'],
  [/^(发布日期|发布时间|公开日期|发文日期)$/, 'publishedAt'],
  [/^(文\s*号|发文字号|文件编号)$/, 'docNumber'],
  [/^(主题分类|主\s*题\s*词|分\s*类)$/, 'topic'],
  [/^(标\s*题|名\s*称|文件名称)$/, 'title'],
  [/^(来\s*源|信息来源)$/, 'source'],
];

const META_TAGS: ReadonlyArray<readonly [string, keyof PageMetadata]> = [
  ['ArticleTitle', 'title'],
  ['PubDate', 'publishedAt'],
  ['ContentSource', 'source'],
];

function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}


function fieldOf(label: string): keyof PageMetadata | 'signedAt' | null {
  const compact = clean(label).replace(/[:：\s]/g, '');
  for (const [pattern, field] of LABELS) if (pattern.test(compact)) return field;
  return null;
}

/** Label/value pairs from tables (label cell, value cell) and from `label:value` text. */
function labelledPairs(doc: Document): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const row of Array.from(doc.querySelectorAll('tr'))) {
    const cells = Array.from(row.querySelectorAll('th,td'));
    for (let i = 0; i + 1 < cells.length; i += 1) {
      const label = clean(cells[i]?.textContent);
      if (fieldOf(label) !== null) pairs.push([label, clean(cells[i + 1]?.textContent)]);
    }
  }
  for (const element of Array.from(doc.querySelectorAll('li,span,p,div,dd,dt,td'))) {
    if (element.children.length > 4) continue;
    const text = clean(element.textContent);
    if (text.length > 120) continue;
    for (const match of text.matchAll(/([\u4e00-\u9fff\s]{2,6})[:：]\s*([^:：]+?)(?=\s+[\u4e00-\u9fff\s]{2,6}[:：]|$)/g)) {
      pairs.push([match[1] as string, clean(match[2])]);
    }
  }
  return pairs;
}

export function readPageMetadata(doc: Document): PageMetadata {
  const found: PageMetadata & { signedAt: string | null } = {
    title: null, issuers: [], docNumber: null, publishedAt: null, indexNumber: null, source: null, topic: null, signedAt: null,
  };
  for (const [name, field] of META_TAGS) {
    const content = clean(doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content'));
    if (content === '') continue;
    if (field === 'publishedAt') found.publishedAt ??= parseDate(content);
    else if (field === 'title' || field === 'source') found[field] ??= content;
  }
  for (const [label, value] of labelledPairs(doc)) {
    const field = fieldOf(label);
    if (field === null || value === '') continue;
    if (field === 'issuers') {
      if (found.issuers.length === 0) found.issuers = value.split(/[\s、,，]+/).filter((v) => v.length >= 2);
    } else if (field === 'publishedAt' || field === 'signedAt') {
      found[field] ??= parseDate(value);
    } else if (field === 'docNumber') {
      found.docNumber ??= value.replace(/\s+/g, '');
    } else {
      found[field] ??= value;
    }
  }
  const headline = clean(doc.querySelector('h1')?.textContent) || null;
  const { signedAt, ...rest } = found;
  return { ...rest, title: headline ?? rest.title ?? (clean(doc.title) || null), publishedAt: rest.publishedAt ?? signedAt };
}

/** What the page says that the extractor should take over from what the text suggests. */
export function planMetadataOf(page: PageMetadata): Partial<PlanMetadata> {
  return { title: page.title, docNumber: page.docNumber, publishedAt: page.publishedAt, issuers: page.issuers };
}
