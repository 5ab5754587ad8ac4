// npm run bench [-- core|pdf|ocr|compare|followup]: a benchmark, not a test. It prints figures and the goals
// next to them; nothing here fails a build.
import { benchCompare } from './compare.ts';
import { benchCore } from './core.ts';
import { benchFollowup } from './followup.ts';
import { benchOcr, benchPdf } from './forms.ts';

const parts = process.argv.slice(2);
const wants = (part: string) => parts.length === 0 || parts.includes(part);
if (wants('core')) benchCore();
if (wants('compare')) benchCompare();
if (wants('followup')) benchFollowup();
if (wants('pdf')) await benchPdf();
if (wants('ocr')) await benchOcr();
