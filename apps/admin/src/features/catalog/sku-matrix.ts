/** The pure part of the SKU matrix editor: spec dimensions → one row per combination. */
export interface SpecDimension {
  name: string;
  values: string[];
}

export interface SkuRow {
  /** Stable key of the combination: "颜色:红|尺码:L" ("" for a product with no specs). */
  key: string;
  specs: Record<string, string>;
  code: string;
  priceFen?: number;
  originalPriceFen?: number;
  stock?: number;
  weightGrams?: number;
  /** Set for rows that already exist in the API. */
  id?: string;
}

export function comboKey(specs: Record<string, string>): string {
  return Object.entries(specs)
    .map(([k, v]) => `${k}:${v}`)
    .join('|');
}

/** Dimensions with a name and at least one value count; duplicates are dropped. */
export function cleanDimensions(dims: SpecDimension[]): SpecDimension[] {
  const seen = new Set<string>();
  return dims
    .map((d) => ({ name: d.name.trim(), values: [...new Set(d.values.map((v) => v.trim()).filter(Boolean))] }))
    .filter((d) => d.name && d.values.length && !seen.has(d.name) && seen.add(d.name));
}

/**
 * The cartesian product of the dimensions, keeping what was already typed in a row whose
 * combination survives (price, stock, code, id), so adding a value never wipes the table.
 * New rows get a code `${prefix}-${n}` that does not clash with the kept ones.
 */
export function buildRows(dims: SpecDimension[], previous: SkuRow[], codePrefix: string): SkuRow[] {
  const clean = cleanDimensions(dims);
  let combos: Record<string, string>[] = [{}];
  for (const d of clean) combos = combos.flatMap((c) => d.values.map((v) => ({ ...c, [d.name]: v })));
  const byKey = new Map(previous.map((r) => [r.key, r]));
  const used = new Set(previous.map((r) => r.code));
  let n = 1;
  const nextCode = () => {
    while (used.has(`${codePrefix}-${n}`)) n++;
    const code = `${codePrefix}-${n}`;
    used.add(code);
    return code;
  };
  return combos.map((specs) => {
    const key = comboKey(specs);
    const kept = byKey.get(key);
    return kept ? { ...kept, specs } : { key, specs, code: nextCode() };
  });
}

/** Dimensions recovered from existing SKUs (for editing a product). */
export function dimensionsOf(skus: { specs: Record<string, string> }[]): SpecDimension[] {
  const dims = new Map<string, string[]>();
  for (const s of skus)
    for (const [k, v] of Object.entries(s.specs ?? {})) {
      const vals = dims.get(k) ?? [];
      if (!vals.includes(v)) vals.push(v);
      dims.set(k, vals);
    }
  return [...dims].map(([name, values]) => ({ name, values }));
}

/** Row problems, by row key, before anything is sent. */
export function validateRows(rows: SkuRow[]): Record<string, string> {
  const errors: Record<string, string> = {};
  const codes = new Map<string, number>();
  rows.forEach((r) => codes.set(r.code, (codes.get(r.code) ?? 0) + 1));
  for (const r of rows) {
    if (r.priceFen === undefined || !Number.isInteger(r.priceFen) || r.priceFen < 0) errors[r.key] = '请填写正确的价格';
    else if (r.originalPriceFen !== undefined && !(Number.isInteger(r.originalPriceFen) && r.originalPriceFen >= 0))
      errors[r.key] = '划线价格式不正确';
    else if (!/^[0-9A-Za-z_-]{1,64}$/.test(r.code)) errors[r.key] = '编码只能包含字母、数字、- 和 _';
    else if ((codes.get(r.code) ?? 0) > 1) errors[r.key] = '编码重复';
    else if (r.stock !== undefined && !(Number.isInteger(r.stock) && r.stock >= 0)) errors[r.key] = '库存须为非负整数';
  }
  return errors;
}
