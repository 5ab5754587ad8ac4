// The extension (jieba-wasm web build) and the CLI (node build) must group identically: the
// same words cut the same way from the same dictionary plus DOMAIN_WORDS.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import initWeb, * as jiebaWeb from 'jieba-wasm/web';
import { describe, expect, it } from 'vitest';
import { compareIndicators } from '../shared/compare/compare.ts';
import { initJiebaSegmenter } from '../shared/compare/segment.ts';
import { extractPlan } from '../shared/extract.ts';
import { nodeSegmenter } from '../pipeline/compare/segmenter.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

function extractDir(dir: string) {
  return readdirSync(join(FIXTURES, dir)).filter((n) => n.endsWith('.txt')).sort()
    .map((name) => extractPlan(readFileSync(join(FIXTURES, dir, name), 'utf8'), { id: '0'.repeat(64), source: { kind: 'text', url: null, file: name } }));
}

const plans = ['seeds', 'heldout', 'heldout2', 'heldout3'].flatMap(extractDir);
const metrics = plans.flatMap((p) => p.targets.map((t) => t.metric));

describe('jieba segmenter: node build and web build', async () => {
  const wasmPath = join(dirname(createRequire(import.meta.url).resolve('jieba-wasm/web')), 'jieba_rs_wasm_bg.wasm');
  const web = await initJiebaSegmenter(initWeb, jiebaWeb, readFileSync(wasmPath));
  const node = nodeSegmenter();

  it('cut every fixture metric into the same words', () => {
    expect(metrics.length).toBeGreaterThan(400);
    const differing = metrics.filter((m) => node(m).join('|') !== web(m).join('|'));
    expect(differing).toEqual([]);
    // The domain dictionary is loaded in both: 绿地率 and 覆盖率 stay whole.
    expect(web('建成区绿地率')).toEqual(['建成区', '绿地率']);
    expect(node('城市建成区绿化覆盖率')).toEqual(web('城市建成区绿化覆盖率'));
  });

  it('give identical indicator groups over the seeds and development plans', () => {
    const shape = (segmenter: typeof web) => compareIndicators(plans, { segmenter })
      .map((g) => `${g.id}: ${g.members.map((m) => `${m.doc}/${m.targetId}`).join(' ')}`);
    const fromNode = shape(node);
    expect(fromNode.length).toBeGreaterThan(300);
    expect(shape(web)).toEqual(fromNode);
  });
});
