import type { Db } from '@/lib/db/client';
import { listStoredRules } from '@/lib/store-data/load';

/** Every stored rule's label by id, disabled rules included (an order may carry a rule since switched off). */
export async function ruleLabelsOf(db: Db): Promise<(ruleId: string) => string> {
  const labels = new Map((await listStoredRules(db)).map((row) => [row.id, labelOf(row.rule) ?? row.id]));
  return (ruleId) => labels.get(ruleId) ?? ruleId;
}

function labelOf(rule: unknown): string | null {
  return typeof rule === 'object' && rule !== null && 'label' in rule && typeof rule.label === 'string'
    ? rule.label
    : null;
}
