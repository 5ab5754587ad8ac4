// Each unit's duties across plans. Plans name their own level's units (县文明办, 市文明办,
// 省文明办): across cities the same kind of unit is found by its canonical name (shared/units.ts)
// without the plan's region and administrative level, so 县委宣传部 and 市委宣传部 meet as
// 党委宣传部, 团县委 and 团市委 as 团委, 县市场监管局 and 市市场监管局 as 市场监管局.
import type { UnitRole } from '../schema.ts';

export interface DutyPlan {
  region: string | null;
  tasks: ReadonlyArray<{ id: string; leadUnits: readonly string[]; responsibleUnits: readonly string[] }>;
  units: ReadonlyArray<{ name: string; canonical: string }>;
}

export interface UnitDuties {
  /** The unit across plans (level and region removed). */
  unit: string;
  /** Canonical names as the plans have them (县文明办, 市文明办). */
  names: string[];
  duties: Array<{ doc: number; taskId: string; role: UnitRole; name: string }>;
}

const LEVEL = '(省|自治区|市|州|盟|地区|县|区|旗|镇|乡|街道)';

/** 县委宣传部 → 党委宣传部, 团市委 → 团委, 会宁县公安局 → 公安局, 省文明办 → 文明办. */
export function unitAcrossPlans(canonical: string, region: string | null): string {
  let name = canonical;
  if (region && name.startsWith(region)) name = name.slice(region.length);
  // A region named without its suffix (会宁县 → 会宁 in 市生态环境局会宁分局) stays: it names a branch.
  // Words that begin with a level character without being one (市场监管局, 市政公用局).
  if (/^(市场|市政|市容|区域|县域|镇区|街道办)/.test(name)) return name;
  const youth = new RegExp(`^团${LEVEL}委$`).exec(name);
  if (youth) return '团委';
  const party = new RegExp(`^${LEVEL}委(.*)$`).exec(name);
  if (party) return `党委${party[2]}`;
  const level = new RegExp(`^${LEVEL}(.{2,})$`).exec(name);
  if (level && !/^(委|直|辖|级|政府$)/.test(level[2] as string)) return level[2] as string;
  return name;
}

export function unitDuties(plans: readonly DutyPlan[]): UnitDuties[] {
  const byUnit = new Map<string, UnitDuties>();
  plans.forEach((plan, doc) => {
    const canonicalOf = new Map(plan.units.map((u) => [u.name, u.canonical]));
    for (const task of plan.tasks) {
      const roles: Array<[UnitRole, readonly string[]]> = [['lead', task.leadUnits], ['responsible', task.responsibleUnits]];
      for (const [role, names] of roles) {
        for (const name of names) {
          const canonical = canonicalOf.get(name) ?? name;
          const key = unitAcrossPlans(canonical, plan.region);
          const entry = byUnit.get(key) ?? { unit: key, names: [], duties: [] };
          if (!entry.names.includes(canonical)) entry.names.push(canonical);
          if (!entry.duties.some((d) => d.doc === doc && d.taskId === task.id && d.role === role)) entry.duties.push({ doc, taskId: task.id, role, name });
          byUnit.set(key, entry);
        }
      }
    }
  });
  const planCount = (u: UnitDuties) => new Set(u.duties.map((d) => d.doc)).size;
  return [...byUnit.values()].sort((a, b) => planCount(b) - planCount(a) || b.duties.length - a.duties.length || a.unit.localeCompare(b.unit, 'zh'));
}
