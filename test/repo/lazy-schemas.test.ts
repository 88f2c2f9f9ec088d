/**
 * Temporal's sandbox evaluates every module of the workflow bundle once per workflow, so a zod schema built at
 * module load is built again for every cached case: the domain's were most of a nomination's memory until they
 * became `z.lazy(() => …)` (bench/README.md, "Worker memory"). This walks the modules the bundle imports and
 * fails on any module-level code that would build a schema when the module loads.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/tools/index.js';

const ENTRY = path.join(repoRoot, 'workflows/index.ts');
/** Our builders of zod schemas (domain/zod-vi.ts); calling one builds a schema. */
const ZOD_VI = path.join(repoRoot, 'domain/zod-vi.ts');

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

/** Relative imports that are evaluated (not `import type`), resolved to .ts files. */
function runtimeImports(source: ts.SourceFile): string[] {
  const files: string[] = [];
  for (const statement of source.statements) {
    const isImport = ts.isImportDeclaration(statement) && !statement.importClause?.isTypeOnly;
    const isReExport = ts.isExportDeclaration(statement) && !statement.isTypeOnly;
    const specifier = isImport || isReExport ? statement.moduleSpecifier : undefined;
    if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) continue;
    const file = path.resolve(path.dirname(source.fileName), specifier.text.replace(/\.js$/, '.ts'));
    if (existsSync(file)) files.push(file);
  }
  return files;
}

function bundleModules(): ts.SourceFile[] {
  const seen = new Map<string, ts.SourceFile>();
  const queue = [ENTRY];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    const source = parse(file);
    seen.set(file, source);
    queue.push(...runtimeImports(source));
  }
  return [...seen.values()];
}

/** Names bound in this module to functions that build schemas: zod-vi's builders, and local ones that call zod. */
function schemaBuilders(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of source.statements) {
    if (
      ts.isImportDeclaration(statement) &&
      ts.isStringLiteral(statement.moduleSpecifier) &&
      path.resolve(path.dirname(source.fileName), statement.moduleSpecifier.text.replace(/\.js$/, '.ts')) === ZOD_VI
    ) {
      const bindings = statement.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) bindings.elements.forEach((e) => names.add(e.name.text));
    }
  }
  const local = (name: string, body: ts.Node | undefined) => {
    if (body && /\bz\s*(\.\s*\w+\s*)+\(/.test(body.getText(source))) names.add(name);
  };
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) local(statement.name.text, statement.body);
    if (ts.isVariableStatement(statement))
      for (const d of statement.declarationList.declarations)
        if (ts.isIdentifier(d.name) && d.initializer && ts.isArrowFunction(d.initializer))
          local(d.name.text, d.initializer.body);
  }
  return names;
}

/** Calls evaluated when the module loads that build a schema: not inside a function, nor inside `z.lazy(…)`. */
function eagerSchemaCalls(source: ts.SourceFile): string[] {
  const builders = schemaBuilders(source);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return; // runs later, if ever
    if (ts.isCallExpression(node)) {
      // A chain split over lines (`z\n  .string(…)`) is the same callee: compare without the whitespace.
      const callee = node.expression.getText(source).replace(/\s+/g, '');
      if (callee === 'z.lazy') return;
      if (/^z(\.\w+)+$/.test(callee) || builders.has(callee)) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        found.push(`${path.relative(repoRoot, source.fileName)}:${line + 1} ${callee}(…)`);
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  for (const statement of source.statements) if (!ts.isImportDeclaration(statement)) visit(statement);
  return found;
}

describe('the modules of the workflow bundle', () => {
  const modules = bundleModules();

  it('include the domain modules that define schemas (the walk follows the imports)', () => {
    const names = modules.map((m) => path.relative(repoRoot, m.fileName));
    expect(names).toEqual(
      expect.arrayContaining(['domain/schemas.ts', 'domain/nomination/actions.ts', 'domain/plan.ts']),
    );
  });

  it('build no zod schema when they load: module-level schemas are z.lazy(() => …)', () => {
    expect(modules.flatMap(eagerSchemaCalls)).toEqual([]);
  });

  it('would see a schema built at load', () => {
    const sample = ts.createSourceFile(
      path.join(repoRoot, 'domain/sample.ts'),
      [
        "import { z } from 'zod';",
        "import { text } from './zod-vi.js';",
        'const build = (max: number) => z.string().max(max);',
        'export const Eager = z.object({ a: z.string() });',
        "export const Helper = text('Tên', { max: 10 });",
        'export const Local = { a: build(3) };',
        "const reason = z\n  .string({ error: 'Lý do' })\n  .trim();",
        "const day = z.iso.date({ error: 'Ngày' });",
        'export const Lazy = z.lazy(() => z.object({ a: build(3) }));',
        'export function later() { return z.number(); }',
      ].join('\n'),
      ts.ScriptTarget.Latest,
      true,
    );
    expect(eagerSchemaCalls(sample)).toEqual([
      'domain/sample.ts:4 z.object(…)',
      'domain/sample.ts:5 text(…)',
      'domain/sample.ts:6 build(…)',
      'domain/sample.ts:7 z.string(…)',
      'domain/sample.ts:10 z.iso.date(…)',
    ]);
  });
});
