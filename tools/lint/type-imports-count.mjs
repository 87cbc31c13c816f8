// @ts-check
/**
 * `import-x/no-cycle`, counting type-only imports as edges.
 *
 * import-x skips `import type` twice: on the linted file's own import, and on every edge it walks
 * through other files. A cycle made of type imports still ties two modules together (neither can
 * move or be read alone), so we want it reported. Both places decide by the `importKind` /
 * `exportKind` markers of the AST, so this module erases them: the rule sees the linted file's
 * imports through a view without the markers, and `parseForESLint` (this module is `import-x/parsers` for `.ts`)
 * parses the files the rule walks into without them. The cycle search itself is import-x's.
 */
import { importX } from 'eslint-plugin-import-x';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

const TYPE_KINDS = new Set(['type', 'typeof']);

/** @param {any} node */
const isModuleDeclaration = (node) =>
  node.type === 'ImportDeclaration' ||
  node.type === 'ExportNamedDeclaration' ||
  node.type === 'ExportAllDeclaration' ||
  node.type === 'TSImportEqualsDeclaration';

/** @param {any} node */
const eraseInPlace = (node) => {
  if (TYPE_KINDS.has(node.importKind)) node.importKind = 'value';
  if (TYPE_KINDS.has(node.exportKind)) node.exportKind = 'value';
  for (const specifier of node.specifiers ?? []) eraseInPlace(specifier);
};

/** A read-only view of an import or export declaration without its type markers. */
const withoutTypeMarkers = (/** @type {any} */ node) =>
  new Proxy(node, {
    get(target, key) {
      if (key === 'importKind' && TYPE_KINDS.has(target.importKind)) return 'value';
      if (key === 'exportKind' && TYPE_KINDS.has(target.exportKind)) return 'value';
      if (key === 'specifiers' && Array.isArray(target.specifiers)) return target.specifiers.map(withoutTypeMarkers);
      return Reflect.get(target, key);
    },
  });

/**
 * The TypeScript parser for the files the cycle search walks into (never the linted file itself):
 * this module's path is the `import-x/parsers` entry for `.ts`.
 * @param {string} code @param {any} options
 */
export const parseForESLint = (code, options) => {
  const result = tseslint.parser.parseForESLint(code, options);
  for (const statement of result.ast.body) if (isModuleDeclaration(statement)) eraseInPlace(statement);
  return result;
};

const noCycle = /** @type {any} */ (importX.rules?.['no-cycle']);

/** @type {import('eslint').Rule.RuleModule} */
const noCycleWithTypes = {
  meta: noCycle.meta,
  create(context) {
    const listeners = noCycle.create(context);
    return Object.fromEntries(
      Object.entries(listeners).map(([selector, listener]) => [
        selector,
        (/** @type {any} */ node, /** @type {any[]} */ ...rest) =>
          listener(isModuleDeclaration(node) ? withoutTypeMarkers(node) : node, ...rest),
      ]),
    );
  },
};

export const plugin = { meta: { name: 'type-imports-count' }, rules: { 'no-cycle': noCycleWithTypes } };
export const parserPath = fileURLToPath(import.meta.url);
