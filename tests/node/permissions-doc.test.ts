import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { permissionMatrixMarkdown } from "../../core/permissions";
import { stepUpMarkdown } from "../../core/step-up";

/** Rows of cells, trimmed, without the alignment row (Prettier may re-pad the table). */
function cells(markdownTable: string): string[][] {
  return markdownTable
    .split("\n")
    .filter((line) => line.startsWith("|"))
    .map((line) =>
      line
        .split("|")
        .slice(1, -1)
        .map((c) => c.trim()),
    )
    .filter((row) => !row.every((c) => /^:?-+:?$/.test(c)));
}

it("docs/permissions.md shows exactly the matrix the code enforces", () => {
  const doc = readFileSync("docs/permissions.md", "utf8");
  const table = doc.match(
    /<!-- permission-matrix:start -->([\s\S]*?)<!-- permission-matrix:end -->/,
  )?.[1];
  expect(table, "the doc must keep its permission-matrix markers").toBeDefined();
  const expected = cells(permissionMatrixMarkdown());
  expect(expected.length).toBeGreaterThan(30);
  expect(cells(table!)).toEqual(expected);
});

it("docs/permissions.md shows exactly the step-up list the routes enforce", () => {
  const doc = readFileSync("docs/permissions.md", "utf8");
  const table = doc.match(/<!-- step-up-list:start -->([\s\S]*?)<!-- step-up-list:end -->/)?.[1];
  expect(table, "the doc must keep its step-up-list markers").toBeDefined();
  const expected = cells(stepUpMarkdown());
  expect(expected.length).toBeGreaterThan(15);
  expect(cells(table!)).toEqual(expected);
});
