// The readable summary of one export: counts, tasks with their units, targets.
import { formatQuantity } from '../shared/format-target.ts';
import type { Comparator, GovClipExport } from '../shared/schema.ts';
import { warningIn, type MessageLanguage } from './messages-locale.ts';

export function formatTarget(t: { metric: string; op: Comparator; value: number; max: number | null; unit: string; year: number | null }): string {
  return `${t.metric} ${formatQuantity(t)}${t.year === null ? '' : ` (${t.year})`}`;
}

export function formatSummary(exp: GovClipExport, language: MessageLanguage = 'en'): string {
  const { document: doc } = exp;
  const lines: string[] = [];
  lines.push(`# ${doc.title ?? doc.source.file ?? '(untitled)'}`);
  const facts = [
    doc.region && `region ${doc.region}`,
    doc.docNumber && `文号 ${doc.docNumber}`,
    doc.issuers.length > 0 && `issuers ${doc.issuers.join('、')}`,
    doc.publishedAt && `published ${doc.publishedAt}`,
    doc.period && `period ${doc.period.from}–${doc.period.to}`,
  ].filter(Boolean);
  if (facts.length > 0) lines.push(facts.join(' · '));
  lines.push(`${exp.tasks.length} tasks · ${exp.units.length} units · ${exp.targets.length} targets${exp.warnings.length ? ` · ${exp.warnings.length} warnings` : ''}`);
  for (const warning of exp.warnings) lines.push(`${language === 'zh' ? '警告' : 'warning'}: ${warningIn(language, warning)}`);
  if (exp.tasks.length > 0) {
    lines.push('', 'Tasks');
    for (const task of exp.tasks) {
      lines.push(`  ${task.path.join(' › ')}  ${task.title ?? task.text.slice(0, 24) + '…'}`);
      if (task.leadUnits.length > 0) lines.push(`      牵头: ${task.leadUnits.join('、')}`);
      if (task.responsibleUnits.length > 0) lines.push(`      责任: ${task.responsibleUnits.join('、')}`);
    }
  }
  if (exp.targets.length > 0) {
    lines.push('', 'Targets');
    for (const target of exp.targets) lines.push(`  ${formatTarget(target)}`);
  }
  return lines.join('\n');
}
