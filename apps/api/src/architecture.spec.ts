import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The import graph of the API's production code (specs left out), read from the
 * sources: which unit (a module under modules/, or a top-level folder) imports which.
 * STYLE: modules depend one way; common/ and database/ are mechanisms that know no module.
 */
const SRC = __dirname;

function sources(dir: string, out: string[] = []): string[] {
  for (const name of fs.readdirSync(dir)) {
    const p = path.join(dir, name);
    if (fs.statSync(p).isDirectory()) sources(p, out);
    else if (p.endsWith('.ts') && !/\.(e2e-)?spec\.ts$/.test(p)) out.push(p);
  }
  return out;
}

function unitOf(file: string): string {
  const parts = path.relative(SRC, file).split(path.sep);
  if (parts[0] === 'modules') return `modules/${parts[1]}`;
  return parts.length > 1 ? parts[0] : '(root)';
}

function resolve(from: string, spec: string): string {
  const base = path.resolve(path.dirname(from), spec);
  for (const c of [`${base}.ts`, path.join(base, 'index.ts')]) if (fs.existsSync(c)) return c;
  return base;
}

const IMPORT = /(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*)'(\.{1,2}\/[^']+)'/g;

function importGraph(): Map<string, Map<string, string[]>> {
  const graph = new Map<string, Map<string, string[]>>();
  for (const file of sources(SRC)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const from = unitOf(file);
      const to = unitOf(resolve(file, m[1]));
      if (from === to) continue;
      const edges = graph.get(from) ?? new Map<string, string[]>();
      edges.set(to, [...(edges.get(to) ?? []), `${path.relative(SRC, file)} → ${m[1]}`]);
      graph.set(from, edges);
    }
  }
  return graph;
}

/** Strongly connected components of more than one unit (Tarjan): each is an import cycle. */
function cycles(graph: Map<string, Map<string, string[]>>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) found.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return found;
}

describe('architecture: the import graph', () => {
  const graph = importGraph();

  it('sees the modules (the scan reads real imports)', () => {
    expect(graph.get('modules/rewards')?.has('modules/orders')).toBe(true);
    expect(graph.get('(root)')?.has('modules/orders')).toBe(true);
  });

  it('has no cycle between modules or top-level folders', () => {
    const found = cycles(graph).map((scc) =>
      scc.map((u) => `${u} → ${[...(graph.get(u)?.keys() ?? [])].filter((t) => scc.includes(t)).join(', ')}`),
    );
    expect(found).toEqual([]);
  });

  it('keeps common/ and database/ free of module imports', () => {
    const offending = ['common', 'database'].flatMap((u) =>
      [...(graph.get(u) ?? new Map<string, string[]>())]
        .filter(([to]) => to.startsWith('modules/'))
        .flatMap(([, why]) => why),
    );
    expect(offending).toEqual([]);
  });

  it('finds a planted cycle (the check can fail)', () => {
    const planted = new Map([
      ['a', new Map([['b', ['a → b']]])],
      ['b', new Map([['a', ['b → a']]])],
    ]);
    expect(cycles(planted)).toEqual([['a', 'b']]);
  });
});
