import { describe, expect, it } from "vitest";
import { sampleCustomer } from "../../test/sampleCustomer";
import { differing, initialPicks, mergedInput } from "./mergeFields";

const survivor = sampleCustomer(1, {
  name: "北京华远科技有限公司",
  uscc: "91110108551385082Q",
  province: "110000",
  city: "110100",
  tags: ["老客户"],
  notes: "年初签约",
});
const other = sampleCustomer(2, { name: "华远科技有限公司", mobile: "13812345678", tags: ["华北"], notes: "常打电话" });

describe("merge picks", () => {
  it("asks only about fields whose values differ", () => {
    expect(differing(survivor, other)).toEqual(["name", "uscc", "region", "mobile", "tags", "notes"]);
  });

  it("keeps the survivor's values, fills its gaps from the other, and joins the tags", () => {
    const picks = initialPicks(survivor, other);
    const input = mergedInput(survivor, other, picks);
    expect(input.name).toBe("北京华远科技有限公司");
    expect(input.mobile).toBe("13812345678");
    expect([input.province, input.city]).toEqual(["110000", "110100"]);
    expect(input.tags).toEqual(["老客户", "华北"]);
    expect(input.notes).toBe("年初签约");
  });

  it("takes the other customer's value where the user picks it, the whole region at once", () => {
    const picks = { ...initialPicks(survivor, other), name: "other" as const, region: "other" as const, notes: "both" as const };
    const input = mergedInput(survivor, other, picks);
    expect(input.name).toBe("华远科技有限公司");
    expect([input.province, input.city, input.district]).toEqual([null, null, null]);
    expect(input.notes).toBe("年初签约\n常打电话");
  });
});
