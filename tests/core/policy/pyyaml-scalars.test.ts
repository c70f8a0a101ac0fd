/**
 * Every plain scalar of the committed table resolves as PyYAML 6 resolves it (the expected
 * values were produced by PyYAML itself: scripts/pyyaml-scalars.py).
 */
import { describe, expect, it } from "vitest";
import { parseYaml } from "../../../core/policy/yaml-tree";
import table from "./fixtures/pyyaml-scalars.json";

interface Row {
  source: string;
  kind: string;
  value: unknown;
}

function expected(row: Row): unknown {
  if (row.kind !== "float" || typeof row.value !== "string") return row.value;
  return row.value === "nan" ? NaN : row.value === "inf" ? Infinity : -Infinity;
}

describe(`plain scalars resolve as PyYAML ${table.pyyaml} resolves them`, () => {
  it("has a table to check", () => expect(table.scalars.length).toBeGreaterThan(140));
  for (const row of table.scalars as Row[]) {
    it(`${JSON.stringify(row.source)} is ${row.kind} ${JSON.stringify(row.value)}`, () => {
      const { root, diagnostics } = parseYaml(`v: ${row.source}\n`);
      const errors = diagnostics.filter((d) => d.severity === "error");
      if (row.kind === "error") {
        expect(errors.length).toBeGreaterThan(0);
        return;
      }
      expect(errors).toEqual([]);
      expect(root?.kind).toBe("map");
      const node = root!.kind === "map" ? root!.entries[0]!.value : null;
      expect(node?.kind).toBe("scalar");
      if (node?.kind !== "scalar") return;
      expect(node.timestamp === true).toBe(row.kind === "timestamp");
      if (row.kind === "timestamp") return; // kept as its source text (see docs)
      expect(typeof node.value).toBe(
        row.kind === "null"
          ? "object"
          : row.kind === "str"
            ? "string"
            : row.kind === "bool"
              ? "boolean"
              : "number",
      );
      expect(node.value).toStrictEqual(expected(row));
    });
  }
});
