import { describe, expect, it } from "vitest";
import dayjs from "dayjs";
import { lineFen, lineProblem, linesTotal, toContractInput } from "./contractInput";

describe("contractInput", () => {
  it("prices lines as the core does and totals them", () => {
    const lines = [
      { description: "云服务器", quantity: 2, unitPrice: 1500, discountPercent: 10 },
      { description: "安装调试", quantity: 1, unitPrice: 500, discountPercent: 0 },
    ];
    expect(lineFen(lines[0])).toBe(270_000);
    expect(linesTotal(lines)).toBe(320_000);
    expect(lineFen({ quantity: 0, unitPrice: 1 })).toBeNull();
  });

  it("refuses what the core refuses, naming the core's field", () => {
    expect(lineProblem({ description: "x", quantity: 0.0001 })).toEqual({ field: "lineQuantity", reason: "not_positive" });
    expect(lineProblem({ description: "x", quantity: 1, discountPercent: 120 })).toEqual({ field: "lineDiscount", reason: "over_100" });
    expect(lineProblem({ description: "x", quantity: 1, unitPrice: -1 })).toEqual({ field: "lineUnitPrice", reason: "negative" });
    expect(lineProblem({ description: " ", quantity: 1 })).toEqual({ field: "lineDescription", reason: "required" });
    expect(lineProblem({ productId: 3, quantity: 1 })).toBeNull();
  });

  it("sends 分 and ISO days, and the amount only without lines", () => {
    const base = { title: "年度服务合同", status: "signed" as const, signedOn: dayjs("2026-03-01"), amount: 3450, number: " " };
    expect(toContractInput({ ...base, lines: [] }, 7)).toMatchObject({
      number: null,
      customerId: 7,
      amount: 345_000,
      signedOn: "2026-03-01",
      startsOn: null,
      lines: [],
    });
    const withLines = toContractInput({ ...base, lines: [{ productId: 2, quantity: 2.5, unitPrice: 1999, discountPercent: 12.5 }] }, 7);
    expect(withLines.amount).toBeNull();
    expect(withLines.lines).toEqual([{ productId: 2, description: null, quantity: 2.5, unitPrice: 199_900, discountPercent: 12.5 }]);
  });
});
