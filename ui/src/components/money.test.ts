import { describe, expect, it } from "vitest";
import { fenToYuan, formatMoney, lineAmount, yuanToFen } from "./money";

describe("money", () => {
  it("computes a line's amount exactly as the core does", () => {
    expect(lineAmount(2, 150_000, 10)).toBe(270_000);
    expect(lineAmount(2.5, 199_900, 12.5)).toBe(437_281);
    expect(lineAmount(1, 5, 10)).toBe(5);
    expect(lineAmount(3, 10, 0)).toBe(30);
    expect(lineAmount(7, 123_456, 100)).toBe(0);
    expect(lineAmount(0.333, 100, 0)).toBe(33);
  });

  it("turns typed yuan into exact 分", () => {
    expect(yuanToFen(19.99)).toBe(1999);
    expect(yuanToFen(0.29)).toBe(29);
    expect(yuanToFen(1500)).toBe(150_000);
    expect(yuanToFen(0)).toBe(0);
    expect(yuanToFen(1.1)).toBe(110);
    expect(yuanToFen(9_999_999_999.99)).toBe(999_999_999_999);
    expect(fenToYuan(345_000)).toBe(3450);
  });

  it("shows 分 as ¥ with grouping and two decimals", () => {
    expect(formatMoney(345_000, "zh-CN")).toBe("¥3,450.00");
    expect(formatMoney(123_456, "en")).toBe("¥1,234.56");
    expect(formatMoney(5, "zh-TW")).toBe("¥0.05");
    expect(formatMoney(100_000_000_000, "zh-CN")).toBe("¥1,000,000,000.00");
    expect(formatMoney(-250, "en")).toBe("-¥2.50");
  });
});
