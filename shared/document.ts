// Document: the stages' results become the export of the contract (schema.ts).
import type { GovClipExport, TargetExport, TaskExport, UnitExport, UnitRole } from './schema.ts';
import type { Deadline, PlanMetadata, SourceInfo, Target, Task } from './model.ts';

export interface DocumentParts {
  id: string;
  source: SourceInfo;
  text: string;
  metadata: PlanMetadata;
  tasks: readonly Task[];
  targets: readonly Target[];
  warnings: readonly string[];
  /** Each task's deadlines by task id (deadlines.ts); a task missing here has none. */
  deadlines?: ReadonlyMap<string, readonly Deadline[]>;
}

function unitsOf(tasks: readonly Task[]): UnitExport[] {
  const byName = new Map<string, UnitExport>();
  for (const task of tasks) {
    for (const clause of task.clauses) {
      for (const unit of clause.units) {
        const entry = byName.get(unit.name) ?? { name: unit.name, canonical: unit.canonical, roles: [], taskIds: [], spans: [] };
        if (!entry.roles.includes(unit.role)) entry.roles.push(unit.role);
        entry.spans.push([unit.span.start, unit.span.end]);
        // Tasks come in order, so a repeat is always the last one added.
        if (entry.taskIds.at(-1) !== task.id) entry.taskIds.push(task.id);
        byName.set(unit.name, entry);
      }
    }
  }
  const order: Record<UnitRole, number> = { lead: 0, responsible: 1 };
  for (const entry of byName.values()) entry.roles.sort((a, b) => order[a] - order[b]);
  return [...byName.values()];
}

function namesWithRole(task: Task, role: UnitRole): string[] {
  // A Set keeps a task with hundreds of units (a merged list, a long 责任单位) linear.
  const names = new Set<string>();
  for (const clause of task.clauses) {
    for (const unit of clause.units) if (unit.role === role) names.add(unit.name);
  }
  return [...names];
}

export function buildExport(parts: DocumentParts): GovClipExport {
  const { text } = parts;
  const targetsOf = new Map<string, string[]>();
  for (const target of parts.targets) {
    if (target.taskId === null) continue;
    const ids = targetsOf.get(target.taskId);
    if (ids) ids.push(target.id);
    else targetsOf.set(target.taskId, [target.id]);
  }
  const tasks: TaskExport[] = parts.tasks.map((task) => ({
    id: task.id,
    path: task.path,
    title: task.title,
    text: text.slice(task.span.start, task.span.end),
    leadUnits: namesWithRole(task, 'lead'),
    responsibleUnits: namesWithRole(task, 'responsible'),
    targetIds: targetsOf.get(task.id) ?? [],
    span: [task.span.start, task.span.end],
    deadlines: (parts.deadlines?.get(task.id) ?? []).map((d) => ({ text: d.text, by: d.by, from: d.from, ongoing: d.ongoing, span: [d.span.start, d.span.end] as [number, number] })),
  }));
  const targets: TargetExport[] = parts.targets.map((target) => ({
    id: target.id,
    taskId: target.taskId,
    text: text.slice(target.textSpan.start, target.textSpan.end),
    metric: target.metric,
    op: target.op,
    value: target.value,
    max: target.max,
    unit: target.unit,
    year: target.year,
    span: [target.span.start, target.span.end],
  }));
  return {
    schemaVersion: 1,
    document: { id: parts.id, ...parts.metadata, source: parts.source, text },
    tasks,
    targets,
    units: unitsOf(parts.tasks),
    warnings: [...parts.warnings],
  };
}
