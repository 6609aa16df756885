import * as ts from "typescript";

/**
 * The Office requirement sets a set of source files uses, derived from the `[Api set: Name x.y]`
 * tags that @types/office-js and @types/custom-functions-runtime put on every member: each property access and call in the files is
 * resolved by the TypeScript checker to its declaration, and the highest version per set kept.
 */

export interface SetUse {
  readonly version: string;
  /** Members that need that version, e.g. "Excel.Worksheet.onChanged". */
  readonly members: string[];
}

const TAG = /\[Api set: ([A-Za-z]+) (\d+\.\d+)\]/;

function newer(a: string, b: string): boolean {
  const [aMajor, aMinor] = a.split(".").map(Number);
  const [bMajor, bMinor] = b.split(".").map(Number);
  return aMajor !== bMajor ? aMajor > bMajor : aMinor > bMinor;
}

function tagOf(declaration: ts.Declaration): RegExpExecArray | null {
  for (const doc of ts.getJSDocCommentsAndTags(declaration)) {
    const text = doc.getText();
    const match = TAG.exec(text);
    if (match) return match;
  }
  return null;
}

export function requirementSetsUsed(files: readonly string[], tsconfig: string): Map<string, SetUse> {
  const config = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!config) throw new Error(`cannot read ${tsconfig}`);
  const program = ts.createProgram(files, { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  const found = new Map<string, SetUse>();
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node)) {
      const symbol = checker.getSymbolAtLocation(node.name);
      for (const declaration of symbol?.declarations ?? []) {
        if (!/[\\/]@types[\\/](office-js|custom-functions-runtime)[\\/]/.test(declaration.getSourceFile().fileName)) continue;
        const match = tagOf(declaration);
        if (!match) continue;
        const [, set, version] = match;
        const parent = (declaration.parent as ts.ClassDeclaration | ts.InterfaceDeclaration).name?.getText() ?? "?";
        const member = `${parent}.${node.name.text}`;
        const current = found.get(set);
        if (!current || newer(version, current.version)) found.set(set, { version, members: [member] });
        else if (current.version === version && !current.members.includes(member)) current.members.push(member);
      }
    }
    ts.forEachChild(node, visit);
  };
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`${file} is not part of the program`);
    visit(source);
  }
  return found;
}
