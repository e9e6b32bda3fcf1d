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
    .map((d) => ({
      name: d.name.trim(),
      values: [...new Set(d.values.map((v) => v.trim()).filter(Boolean))],
    }))
    .filter((d) => d.name && d.values.length && !seen.has(d.name) && seen.add(d.name));
}

/** Whether every spec of the smaller combination is in the larger one. */
function fits(a: Record<string, string>, b: Record<string, string>): boolean {
  const [small, large] = Object.keys(a).length <= Object.keys(b).length ? [a, b] : [b, a];
  return Object.entries(small).every(([k, v]) => large[k] === v);
}

/**
 * The cartesian product of the dimensions. What was typed in a row carries over to the
 * row that replaces it: the same combination, or else one that fits it (a spec added or
 * removed), each earlier row at most once, so adding or removing a spec never wipes
 * prices. New rows get a code `${prefix}-${n}` that no kept or saved row has.
 */
export function buildRows(dims: SpecDimension[], previous: SkuRow[], codePrefix: string): SkuRow[] {
  const clean = cleanDimensions(dims);
  let combos: Record<string, string>[] = [{}];
  for (const d of clean) combos = combos.flatMap((c) => d.values.map((v) => ({ ...c, [d.name]: v })));
  const keys = combos.map(comboKey);
  const free = new Set(previous);
  const take = (r: SkuRow | undefined) => (r && free.delete(r) ? r : undefined);
  const exact = keys.map((k) => take(previous.find((r) => r.key === k && free.has(r))));
  const kept = combos.map(
    (specs, i) => exact[i] ?? take(previous.find((r) => free.has(r) && fits(r.specs, specs))),
  );
  const used = new Set([
    ...kept.flatMap((r) => (r ? [r.code] : [])),
    ...previous.filter((r) => r.id).map((r) => r.code),
  ]);
  let n = 1;
  const nextCode = () => {
    while (used.has(`${codePrefix}-${n}`)) n++;
    const code = `${codePrefix}-${n}`;
    used.add(code);
    return code;
  };
  return combos.map((specs, i) => {
    const k = kept[i];
    return k ? { ...k, key: keys[i], specs } : { key: keys[i], specs, code: nextCode() };
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
    if (r.priceFen === undefined || !Number.isInteger(r.priceFen) || r.priceFen < 0)
      errors[r.key] = '请填写正确的价格';
    else if (
      r.originalPriceFen !== undefined &&
      !(Number.isInteger(r.originalPriceFen) && r.originalPriceFen >= 0)
    )
      errors[r.key] = '划线价格式不正确';
    else if (!/^[0-9A-Za-z_-]{1,64}$/.test(r.code)) errors[r.key] = '编码只能包含字母、数字、- 和 _';
    else if ((codes.get(r.code) ?? 0) > 1) errors[r.key] = '编码重复';
    else if (r.stock !== undefined && !(Number.isInteger(r.stock) && r.stock >= 0))
      errors[r.key] = '库存须为非负整数';
  }
  return errors;
}
