/**
 * Amounts are decimal.js objects (src/core/money.ts). JavaScript's operators do not know that:
 * `a === b` compares identities and `a < b` compares the `valueOf()` strings ('900' < '1000' is
 * false), and TypeScript accepts both on objects. This test type-checks src/ with TypeScript
 * and fails on any comparison, equality or arithmetic operator with a Decimal operand; amounts
 * are compared with `eq`, `lt`, `gt`, `isZero` … instead.
 */
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const OPERATORS = new Set([
  ts.SyntaxKind.LessThanToken,
  ts.SyntaxKind.LessThanEqualsToken,
  ts.SyntaxKind.GreaterThanToken,
  ts.SyntaxKind.GreaterThanEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.PlusToken,
  ts.SyntaxKind.MinusToken,
  ts.SyntaxKind.AsteriskToken,
  ts.SyntaxKind.SlashToken,
  ts.SyntaxKind.PlusEqualsToken,
  ts.SyntaxKind.MinusEqualsToken,
]);

/** Whether a type is (or, as a union, includes) decimal.js's Decimal. */
function isDecimal(type: ts.Type): boolean {
  if (type.isUnion()) return type.types.some(isDecimal);
  return type.getSymbol()?.getName() === 'Decimal';
}

/** `null` or `undefined`: comparing an amount with them is a presence test, not a comparison of amounts. */
const isNullish = (node: ts.Expression): boolean =>
  node.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(node) && node.text === 'undefined');

/** `file:line: text` of every operator in src/ with a Decimal operand. */
function decimalOperators(): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    'tsconfig.build.json',
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  if (!config) throw new Error('tsconfig.build.json not readable');
  const program = ts.createProgram(config.fileNames, config.options);
  const checker = program.getTypeChecker();
  const found: string[] = [];
  for (const source of program.getSourceFiles()) {
    if (source.isDeclarationFile || !source.fileName.includes('/src/')) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isBinaryExpression(node) && OPERATORS.has(node.operatorToken.kind) && !isNullish(node.left) && !isNullish(node.right)) {
        const left = checker.getTypeAtLocation(node.left);
        const right = checker.getTypeAtLocation(node.right);
        if (isDecimal(left) || isDecimal(right)) {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart());
          found.push(`${source.fileName.slice(source.fileName.indexOf('src/'))}:${line + 1}: ${node.getText()}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

describe('amounts are compared and computed with decimal.js methods, never with operators', () => {
  it('no operator in src/ has a Decimal operand', () => {
    expect(decimalOperators()).toEqual([]);
  });
});
