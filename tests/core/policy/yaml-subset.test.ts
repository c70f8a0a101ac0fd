/**
 * The direct YAML reader (core/policy/yaml-subset.ts) against the `yaml` package walker: on
 * every document it accepts, both give the same positioned tree and the same diagnostics;
 * everything else it leaves to the package. Policy-shaped documents must take the direct path
 * (that is where compile time is saved).
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseWithYamlPackage } from "../../../core/policy/yaml-tree";
import { parseYamlSubset } from "../../../core/policy/yaml-subset";
import fixture from "./fixtures/lynx-conformance.json";
import { fingerprint, Generator, rng } from "./yaml-documents";

function agreement(documents: readonly string[]): { accepted: number; differing: string[] } {
  let accepted = 0;
  const differing: string[] = [];
  for (const source of documents) {
    const direct = parseYamlSubset(source);
    if (direct === null) continue;
    accepted++;
    if (fingerprint(direct) !== fingerprint(parseWithYamlPackage(source))) differing.push(source);
  }
  return { accepted, differing };
}

const fixtureDocuments: string[] = [];
for (const c of fixture.cases as { policy?: string; layers?: [string, string][] }[]) {
  if (c.policy !== undefined) fixtureDocuments.push(c.policy);
  for (const [, source] of c.layers ?? []) fixtureDocuments.push(source);
}
const policyDir = new URL("../../fixtures/policy/", import.meta.url);
for (const name of readdirSync(policyDir)) {
  if (name.endsWith(".yaml")) fixtureDocuments.push(readFileSync(new URL(name, policyDir), "utf8"));
}

describe("the direct YAML reader reads what the yaml package reads", () => {
  it("on every policy of the Lynx conformance corpus and the CLI fixtures", () => {
    const { accepted, differing } = agreement(fixtureDocuments);
    expect(differing).toEqual([]);
    // Nearly all of them are inside the subset (the rest use anchors, tags, block scalars…).
    expect(accepted).toBeGreaterThan(fixtureDocuments.length * 0.95);
  });

  for (const seed of [1, 2, 3]) {
    it(`on 4,000 generated documents (seed ${seed})`, () => {
      const generator = new Generator(rng(seed));
      const documents = Array.from({ length: 4000 }, () => generator.document());
      const { accepted, differing } = agreement(documents);
      expect(differing.slice(0, 3)).toEqual([]);
      expect(accepted).toBeGreaterThan(600);
    });
  }

  it("reads the benchmark policies directly", () => {
    const rules = Array.from(
      { length: 50 },
      (_, i) =>
        `  - id: rule-${i}\n    match:\n      tool: shell\n      args.cmd.matches: '^cmd-${i}/'\n    decision: deny\n`,
    ).join("");
    const lynxShape = `version: 1\ndefaults: { on_no_match: deny }\nrules:\n${rules}`;
    const flowShape =
      'version: 1\nrules:\n  - id: r1\n    match: { declared.scope.contains_any: ["scope-1", "x-1"], context.environment: prod }\n    decision: approve_required\n    approvers: [ops]\n';
    for (const source of [lynxShape, flowShape]) {
      expect(parseYamlSubset(source)).not.toBeNull();
      expect(fingerprint(parseYamlSubset(source))).toBe(fingerprint(parseWithYamlPackage(source)));
    }
  });

  it.each([
    ["an anchor and alias", "a: &x 1\nb: *x\n"],
    ["a merge key", "a: {x: 1}\nb:\n  <<: {y: 2}\n"],
    ["a tag", "a: !!str 1\n"],
    ["a block scalar", "a: |\n  text\n"],
    ["a multi-line plain scalar", "a: one\n  two\n"],
    ["a multi-line quoted scalar", "a: 'one\n  two'\n"],
    ["a tab", "a:\tb\n"],
    ["a document marker", "---\na: 1\n"],
    ["CRLF line ends", "a: 1\r\nb: 2\r\n"],
    ["a complex key", "? a\n: b\n"],
    ["a syntax error", "a: [1, 2\n"],
    ["a nested mapping on one line", "a: b: c\n"],
    ["an empty document", "# nothing\n"],
  ])("leaves %s to the yaml package", (_what, source) => {
    expect(parseYamlSubset(source)).toBeNull();
  });
});
