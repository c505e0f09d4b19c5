import { describe, expect, it } from "vitest";
import { cellText, shortMoney } from "./cells";

describe("report cells", () => {
  it("read as money, shares, counts and days in the user's language", () => {
    expect(cellText(123_456_789, "money", "zh-CN")).toBe("¥1,234,567.89");
    expect(cellText(0.1234, "percent", "en")).toBe("12.3%");
    expect(cellText(-0.5, "percent", "en")).toBe("-50.0%");
    expect(cellText(1_234_567, "count", "zh-CN")).toBe("1,234,567");
    expect(cellText(2.345, "number", "en")).toBe("2.35");
    expect(cellText("2026-03-01", "day", "en")).toBe("2026-03-01");
    expect(cellText(null, "money", "en"), "an empty cell is a dash, never NaN").toBe("—");
  });

  it("shorten money on an axis with 万 and 亿 in Chinese and k and M in English", () => {
    expect(shortMoney(1_230_000_00, "zh-CN")).toBe("¥123万");
    expect(shortMoney(2_50_000_000_00, "zh-TW")).toBe("¥2.5億");
    expect(shortMoney(1_234_500_00, "en")).toBe("¥1.2M");
    expect(shortMoney(99_00, "en")).toBe("¥99");
  });
});
