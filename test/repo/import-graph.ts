/**
 * The repository's TypeScript import graph, read with the compiler's own pre-processor (every `import`,
 * `import type`, `export … from` and `import()`), and the cycles in it. Only relative specifiers are followed:
 * packages cannot import us back. Type-only imports count too: a type cycle still ties two modules together for
 * a reader, and turns into a runtime one the day a value is imported along that edge.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export type ImportGraph = Map<string, string[]>;

const SKIP_DIRS = new Set(['node_modules', '.git', '.tools', 'data', 'coverage', 'test-artifacts']);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (SKIP_DIRS.has(name)) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (/\.(ts|mts)$/.test(name) && !name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** `./x.js` written in NodeNext style names `./x.ts` on disk (or `./x/index.ts`). */
function resolve(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [base.replace(/\.(m?)js$/, '.$1ts'), `${base}.ts`, path.join(base, 'index.ts'), base];
  return candidates.find((c) => /\.(m?)ts$/.test(c) && existsSync(c)) ?? null;
}

/** Every TypeScript file under `root` with the repository files it imports (paths relative to `root`). */
export function importGraph(root: string): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const file of sourceFiles(root)) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = info.importedFiles
      .map((f) => resolve(file, f.fileName))
      .filter((t): t is string => t !== null)
      .map((t) => path.relative(root, t));
    graph.set(path.relative(root, file), [...new Set(targets)]);
  }
  return graph;
}

/**
 * Each cycle of the graph, as one path through it (a → b → … → a): one per strongly connected component of more
 * than one module, or a module importing itself (Tarjan's algorithm).
 */
export function findCycles(graph: ImportGraph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next);
    next++;
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) components.push(component);
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return components.map((component) => cyclePath(graph, new Set(component)));
}

/** A shortest way round a component, from its first module (sorted) back to it, for the failure message. */
function cyclePath(graph: ImportGraph, component: Set<string>): string[] {
  const start = [...component].sort()[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const to of graph.get(node) ?? []) {
      if (!component.has(to)) continue;
      if (to === start) {
        const way = [node];
        while (way[0] !== start) way.unshift(previous.get(way[0]!)!);
        return [...way, start];
      }
      if (!previous.has(to)) {
        previous.set(to, node);
        queue.push(to);
      }
    }
  }
  return [start, start];
}
