import { describe, expect, it } from "vitest";
import { inOrderOf } from "@/lib/domain/shared/in-order-of";

describe("inOrderOf (tutorials in the skill's own order, wherever they are read)", () => {
  it("sorts rows as their ids come in the list, whatever order the database returned", () => {
    const rows = [{ id: "c" }, { id: "a" }, { id: "b" }];
    expect(inOrderOf(["b", "c", "a"], rows).map((r) => r.id)).toEqual(["b", "c", "a"]);
  });

  it("puts rows the list does not name last, in their own order, and does not change its input", () => {
    const rows = [{ id: "x" }, { id: "a" }, { id: "y" }];
    expect(inOrderOf(["a"], rows).map((r) => r.id)).toEqual(["a", "x", "y"]);
    expect(rows.map((r) => r.id)).toEqual(["x", "a", "y"]);
  });
});
