// An attachment as offices post them: a text PDF with one page that is only a scan (no text
// layer). Made from the committed fixtures by a PDF incremental update (the way an editor saves a
// change): the scan's page image (fixtures/forms/scan, a JPEG) becomes a new page object, and a new
// page tree lists it in place of the text page. The original bytes stay untouched in front.

/** The objects of a classic-xref PDF by number: the bytes between `N 0 obj` and `endobj`. */
function objectBody(pdf: Buffer, number: number): Buffer {
  const start = pdf.indexOf(`\n${number} 0 obj`);
  if (start < 0) throw new Error(`object ${number} not found`);
  const from = pdf.indexOf('obj', start) + 3;
  const end = pdf.indexOf('endobj', from);
  return pdf.subarray(from, end);
}

function refs(list: string): number[] {
  return [...list.matchAll(/(\d+)\s+0\s+R/g)].map((m) => Number(m[1]));
}

/** The page tree of a flat classic-xref PDF: its object number, the page objects in order. */
function pageTree(pdf: Buffer): { number: number; kids: number[] } {
  const trailer = pdf.subarray(pdf.lastIndexOf('trailer')).toString('latin1');
  const root = Number(/\/Root\s+(\d+)\s+0\s+R/.exec(trailer)?.[1]);
  const catalog = objectBody(pdf, root).toString('latin1');
  const number = Number(/\/Pages\s+(\d+)\s+0\s+R/.exec(catalog)?.[1]);
  const tree = objectBody(pdf, number).toString('latin1');
  const kids = refs(/\/Kids\s*\[([^\]]*)\]/.exec(tree)?.[1] ?? '');
  if (kids.length !== Number(/\/Count\s+(\d+)/.exec(tree)?.[1])) throw new Error('only a flat page tree is supported');
  return { number, kids };
}

/** The one image of a scanned page (img2pdf: /XObject << /Im0 N 0 R >>, a DCTDecode stream). */
function scanImage(scan: Buffer, page: number): { width: number; height: number; jpeg: Buffer } {
  const kid = pageTree(scan).kids[page - 1];
  if (kid === undefined) throw new Error(`the scan has no page ${page}`);
  const image = objectBody(scan, refs(/\/XObject\s*<<([^>]*)>>/.exec(objectBody(scan, kid).toString('latin1'))?.[1] ?? '')[0] as number);
  const dict = image.subarray(0, image.indexOf('stream')).toString('latin1');
  if (!/\/Filter\s*\/DCTDecode/.test(dict)) throw new Error('the scan page is not a JPEG');
  const length = Number(/\/Length\s+(\d+)/.exec(dict)?.[1]);
  const data = image.indexOf('stream') + 'stream'.length + 1;
  return { width: Number(/\/Width\s+(\d+)/.exec(dict)?.[1]), height: Number(/\/Height\s+(\d+)/.exec(dict)?.[1]), jpeg: image.subarray(data, data + length) };
}

/** `text` with its page `page` (1-based) replaced by the same page of `scan`, drawn over the whole page. */
export function withScannedPage(text: Buffer, scan: Buffer, page: number): Buffer {
  const tree = pageTree(text);
  const replaced = tree.kids[page - 1];
  if (replaced === undefined) throw new Error(`the PDF has no page ${page}`);
  const trailer = text.subarray(text.lastIndexOf('trailer')).toString('latin1');
  const size = Number(/\/Size\s+(\d+)/.exec(trailer)?.[1]);
  const previous = Number(/startxref\s+(\d+)/.exec(trailer)?.[1]);
  const box = /\/MediaBox\s*\[([^\]]*)\]/.exec(objectBody(text, replaced).toString('latin1'))?.[1]
    ?? /\/MediaBox\s*\[([^\]]*)\]/.exec(objectBody(text, tree.number).toString('latin1'))?.[1];
  const [, , width, height] = (box ?? '').trim().split(/\s+/).map(Number);
  if (!width || !height) throw new Error('no MediaBox');
  const { width: imageWidth, height: imageHeight, jpeg } = scanImage(scan, page);

  const [imageNo, contentNo, pageNo] = [size, size + 1, size + 2];
  const drawing = `q\n${width} 0 0 ${height} 0 0 cm\n/Im0 Do\nQ\n`;
  const objects: Array<[number, Buffer]> = [
    [imageNo, Buffer.concat([Buffer.from(`${imageNo} 0 obj\n<</Type/XObject/Subtype/Image/Width ${imageWidth}/Height ${imageHeight}/ColorSpace/DeviceGray/BitsPerComponent 8/Filter/DCTDecode/Length ${jpeg.length}>>\nstream\n`), jpeg, Buffer.from('\nendstream\nendobj\n')])],
    [contentNo, Buffer.from(`${contentNo} 0 obj\n<</Length ${drawing.length}>>\nstream\n${drawing}endstream\nendobj\n`)],
    [pageNo, Buffer.from(`${pageNo} 0 obj\n<</Type/Page/Parent ${tree.number} 0 R/MediaBox[0 0 ${width} ${height}]/Resources<</XObject<</Im0 ${imageNo} 0 R>>>>/Contents ${contentNo} 0 R>>\nendobj\n`)],
  ];
  const kids = tree.kids.map((kid, i) => (i === page - 1 ? pageNo : kid));
  // The old tree's other keys (inherited Resources, MediaBox) are kept; only Kids changes.
  const oldTree = objectBody(text, tree.number).toString('latin1').replace(/\/Kids\s*\[[^\]]*\]/, `/Kids[${kids.map((k) => `${k} 0 R`).join(' ')}]`);
  objects.push([tree.number, Buffer.from(`${tree.number} 0 obj${oldTree}endobj\n`, 'latin1')]);

  const chunks: Buffer[] = [text, Buffer.from('\n')];
  let offset = text.length + 1;
  const offsets = new Map<number, number>();
  for (const [number, bytes] of objects) {
    offsets.set(number, offset);
    chunks.push(bytes);
    offset += bytes.length;
  }
  const entry = (number: number) => `${String(offsets.get(number)).padStart(10, '0')} 00000 n \n`;
  const xref = `xref\n0 1\n0000000000 65535 f \n${tree.number} 1\n${entry(tree.number)}${imageNo} 3\n${entry(imageNo)}${entry(contentNo)}${entry(pageNo)}`;
  const keep = ['Root', 'Info', 'ID'].map((key) => new RegExp(`/${key}\\s*(\\d+\\s+0\\s+R|\\[[^\\]]*\\])`).exec(trailer)?.[0] ?? '').join('');
  chunks.push(Buffer.from(`${xref}trailer\n<</Size ${size + 3}${keep}/Prev ${previous}>>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(chunks);
}
