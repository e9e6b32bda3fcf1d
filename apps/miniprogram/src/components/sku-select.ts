/** A SKU as the picker sees it: the stock is the one that counts for the chosen mode. */
export interface PickSku {
  id: string;
  specs: Record<string, string>;
  priceFen: number;
  originalPriceFen?: number | null;
  stock: number;
}

/** Spec dimensions in first-seen order: [{ name: '容量', values: ['500ml', '1L'] }]. */
export function specGroups(skus: PickSku[]): { name: string; values: string[] }[] {
  const groups: { name: string; values: string[] }[] = [];
  for (const s of skus) {
    for (const [name, value] of Object.entries(s.specs ?? {})) {
      let g = groups.find((x) => x.name === name);
      if (!g) groups.push((g = { name, values: [] }));
      if (!g.values.includes(value)) g.values.push(value);
    }
  }
  return groups;
}

/** The SKU whose specs equal the selection, when every dimension is chosen. */
export function matchSku(skus: PickSku[], chosen: Record<string, string>): PickSku | undefined {
  const groups = specGroups(skus);
  if (groups.some((g) => !chosen[g.name])) return skus.length === 1 ? skus[0] : undefined;
  return skus.find((s) => groups.every((g) => s.specs[g.name] === chosen[g.name]));
}

/** A value is selectable when some in-stock SKU has it together with the other chosen values. */
export function valueAvailable(
  skus: PickSku[],
  chosen: Record<string, string>,
  name: string,
  value: string,
): boolean {
  return skus.some(
    (s) =>
      s.stock > 0 &&
      s.specs[name] === value &&
      Object.entries(chosen).every(([k, v]) => k === name || s.specs[k] === v),
  );
}

/** Preselects the first in-stock SKU so one tap on the sheet's button is enough. */
export function initialChoice(skus: PickSku[]): Record<string, string> {
  const first = skus.find((s) => s.stock > 0) ?? skus[0];
  return first ? { ...first.specs } : {};
}

/** Quantity stays between 1 and the stock (and WeChat's 999 per line). */
export function clampQty(qty: number, stock: number): number {
  return Math.max(1, Math.min(qty, Math.max(1, Math.min(stock, 999))));
}
