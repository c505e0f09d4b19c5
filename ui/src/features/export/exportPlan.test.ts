import { describe, expect, it } from "vitest";
import type { CustomerQuery } from "../../api/bindings/CustomerQuery";
import i18n from "../../i18n";
import { defaultFileName, exportRequest, isCancelled } from "./exportPlan";

const day = new Date(2026, 10, 23, 9, 30);
const zhCN = i18n.getFixedT("zh-CN");
const query: CustomerQuery = {
  status: "deal",
  level: null,
  tag: "VIP",
  province: "福建省",
  city: null,
  district: null,
  trashed: false,
  sort: "name",
  direction: "asc",
  after: "cursor-3",
  limit: 100,
};

describe("the file name the save dialog proposes", () => {
  it("dates exports with the local day", () => {
    expect(defaultFileName(zhCN, "customers", "xlsx", day)).toBe("客户-2026-11-23.xlsx");
    expect(defaultFileName(zhCN, "customers", "csv", day)).toBe("客户-2026-11-23.csv");
    expect(defaultFileName(zhCN, "contacts", "xlsx", day)).toBe("联系人-2026-11-23.xlsx");
    expect(defaultFileName(zhCN, "book", "xlsx", day)).toBe("客户资料-2026-11-23.xlsx");
  });

  it("names the template and the error rows without a date", () => {
    expect(defaultFileName(zhCN, "template", "xlsx", day)).toBe("客户导入模板.xlsx");
    expect(defaultFileName(zhCN, "rejects", "xlsx", day)).toBe("导入错误行.xlsx");
  });

  it("speaks the UI language", () => {
    expect(defaultFileName(i18n.getFixedT("en"), "customers", "xlsx", day)).toBe("Customers-2026-11-23.xlsx");
    expect(defaultFileName(i18n.getFixedT("zh-TW"), "book", "xlsx", day)).toBe("客戶資料-2026-11-23.xlsx");
  });
});

describe("what an export menu item asks for", () => {
  it("exports the current list with its filters and sort but from the first row", () => {
    expect(exportRequest("view-csv", "customers", query, "/d/a.csv", "zh-CN")).toEqual({
      entity: "customers",
      query: { ...query, after: null },
      format: "csv",
      path: "/d/a.csv",
      language: "zh-CN",
    });
  });

  it("exports every customer without a query, and the whole book without an entity", () => {
    expect(exportRequest("all-xlsx", "customers", query, "/d/a.xlsx", "en")).toMatchObject({ entity: "customers", query: null, format: "xlsx" });
    expect(exportRequest("book", "customers", query, "/d/b.xlsx", "en")).toMatchObject({ entity: null, query: null, format: "xlsx" });
  });

  it("tells a cancelled export from a failed one", () => {
    expect(isCancelled({ code: "conflict", message: "", field: null, reason: "cancelled" })).toBe(true);
    expect(isCancelled({ code: "io", message: "", field: null, reason: "disk_full" })).toBe(false);
  });
});
