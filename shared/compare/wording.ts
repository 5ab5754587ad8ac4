// One indicator, many wordings: 全市居民健康素养水平, 居民健康素养水平; 空气质量优良天数比率,
// 空气质量优良天数比例; 市民对…的满意率, 群众对…的满意度. normaliseMetric folds the differences that
// never change what is measured, so the lexicon and the similarity stage compare like with like.

/** Scope words before an indicator name: the whole of a jurisdiction or the city proper. */
const LEADING_SCOPE = /^(全省|全市|全县|全区|全镇|全乡|全街道|全域|本省|本市|本县|本区|辖区内|辖区|县辖区内|县辖区|市辖区|中心城区|主城区|县城区|县城|城区|市区|城市)/;
/**
 * The people asked in a survey indicator (市民对…满意度, 群众对…支持率) differ only by the
 * plan's habit; the indicator is the same.
 */
const SURVEY_SUBJECT = /^(人民群众|广大群众|辖区居民|城乡居民|市民群众|群众|市民|居民|公众|县民|社会公众)对/;
/** Names of the civilisation campaign, which plans abbreviate freely (创城, 创文). */
const CAMPAIGN_NAME = /(创建全国文明城市|全国文明城市创建|文明城市创建|创建文明城市|文明创建|创城|创文|创卫|创建)工作/g;

/** Pairs that mean the same thing in an indicator name; the left side is rewritten to the right. */
const SYNONYMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/比率|比重/g, '比例'],
  [/满意率/g, '满意度'],
  [/公共厕所|公共卫生间/g, '公厕'],
  [/PM2\.5|细颗粒物\(PM2\.5\)|细颗粒物/g, 'PM2.5'],
];

/** A verb of keeping or reaching, or the baseline of a cut (比上年), that extraction leaves at the end of a metric. */
const TRAILING_VERB = /(保持|达到|稳定在|控制在|提高到|提升到|力争|实现|以上|以内|比上年|较上年|同比)+$/;

/** Marks that never carry meaning in an indicator name (quotes, book-title marks, spaces, 的). */
const NOISE = /[\s"'“”‘’《》〈〉「」『』【】、,，。.;；:：!！?？·•]|的/g;

/** The comparable form of a metric name. Idempotent: normaliseMetric(normaliseMetric(x)) === normaliseMetric(x). */
export function normaliseMetric(metric: string): string {
  let text = metric.normalize('NFKC').replace(/（/g, '(').replace(/）/g, ')');
  // A year span or deadline inside a name (到2025年, 2023年) is a deadline, not part of the indicator.
  text = text.replace(/(到|至)?\d{4}年(底|末)?/g, '');
  // A deadline or an action verb in front (6月底前完成…, 到年底全县…, 落实…) is not part of the name.
  text = text.replace(/^(到|至|在)?(\d{1,2}月(底|末|份)?|年底|年末|年内|上半年|下半年|三年内|两年内)(前|内)?/, '');
  text = text.replace(/^(每年|全年|当年|年度)/, '');
  text = text.replace(/^(新增完成|完成|实现|落实|确保|力争|持续|继续|全面)/, '');
  text = text.replace(NOISE, (m) => (m === '.' ? '.' : ''));
  for (const [pattern, replacement] of SYNONYMS) text = text.replace(pattern, replacement);
  // Scope and survey subject can stack (辖区居民对…): strip repeatedly until nothing changes.
  let previous = '';
  while (previous !== text) {
    previous = text;
    text = text.replace(LEADING_SCOPE, '').replace(SURVEY_SUBJECT, '群众对').replace(TRAILING_VERB, '');
  }
  text = text.replace(CAMPAIGN_NAME, '创建工作');
  return text;
}

/**
 * How many typing slips two wordings may differ by and still be one wording (全民法治宣传教普及率,
 * a plan's own typo). Short names differ by one character between different indicators
 * (亮灯率, 装灯率), and a digit is never a slip (PM2.5, PM10): those must match exactly.
 */
export function typoAllowance(a: string, b: string): number {
  if (/\d/.test(a) || /\d/.test(b)) return 0;
  const length = Math.min(a.length, b.length);
  if (length >= 20) return 2;
  if (length >= 8) return 1;
  return 0;
}
