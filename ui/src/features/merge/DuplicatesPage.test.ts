import { describe, expect, it } from "vitest";
import type { DuplicateScan } from "../../api/bindings/DuplicateScan";
import { withoutMerged } from "./DuplicatesPage";

const member = (id: number) => ({ id, name: `客户${id}`, uscc: null, mobile: null, email: null, city: null, createdAt: 0 });
const scan: DuplicateScan = {
  groups: [
    { reasons: ["name"], size: 2, members: [member(1), member(2)] },
    { reasons: ["mobile"], size: 3, members: [member(3), member(4), member(5)] },
  ],
  totalGroups: 2,
  customersInGroups: 5,
  scanned: 10,
  tookMs: 5,
};

describe("the scan after a merge", () => {
  it("drops a group left with one customer and counts what is left", () => {
    const after = withoutMerged(scan, 2);
    expect(after.groups.map((g) => g.members.map((m) => m.id))).toEqual([[3, 4, 5]]);
    expect([after.totalGroups, after.customersInGroups]).toEqual([1, 3]);
  });

  it("keeps a larger group with one member fewer", () => {
    const after = withoutMerged(scan, 4);
    expect(after.groups[1]).toMatchObject({ size: 2, members: [member(3), member(5)] });
    expect(after.customersInGroups).toBe(4);
  });
});
