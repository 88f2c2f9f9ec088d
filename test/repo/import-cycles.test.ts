/**
 * The import graph has no cycle, and the web's route modules stay independent: a route plugin imports shared
 * helpers (client/web/http/, the view modules, client/lib) but never another route module nor the server that
 * registers it, so a route group can be read, tested and moved on its own.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/tools/index.js';
import { findCycles, importGraph, type ImportGraph } from './import-graph.js';

const graph = importGraph(repoRoot);
const ROUTES = `client${path.sep}web${path.sep}routes${path.sep}`;
const SERVER = path.join('client', 'web', 'server.ts');

describe('the import graph', () => {
  it('reads the repository (the web server and its routes among the files)', () => {
    expect(graph.get(SERVER)).toContain(path.join('client', 'web', 'routes', 'cases.ts'));
  });

  it('has no import cycle', () => {
    expect(findCycles(graph).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('has no route module importing another route module or server.ts', () => {
    const offending = [...graph]
      .filter(([file]) => file.startsWith(ROUTES))
      .flatMap(([file, targets]) =>
        targets.filter((t) => t.startsWith(ROUTES) || t === SERVER).map((t) => `${file} → ${t}`),
      );
    expect(offending).toEqual([]);
  });
});

describe('findCycles', () => {
  const of = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges));

  it('finds a cycle through several modules, and a module importing itself', () => {
    expect(findCycles(of({ a: ['b'], b: ['c'], c: ['a'], d: ['a'], e: ['e'] }))).toEqual([
      ['a', 'b', 'c', 'a'],
      ['e', 'e'],
    ]);
  });

  it('finds none in a graph that only shares dependencies', () => {
    expect(findCycles(of({ a: ['b', 'c'], b: ['c'], c: [] }))).toEqual([]);
  });
});
