import { describe, expect, it } from "vitest";
import i18n from "../../i18n";
import { rejectFieldLabel, rejectText } from "./rejectText";

const zhCN = i18n.getFixedT("zh-CN");
const en = i18n.getFixedT("en");
const fields = [
  { key: "uscc", label: "统一社会信用代码" },
  { key: "contactName", label: "联系人" },
];
const reject = (field: string | null, reason: string) => ({ row: 3, field, reason, values: [] });

describe("the reason a row was not imported", () => {
  it("names the import's own reasons", () => {
    expect(rejectText(zhCN, reject(null, "duplicate_in_file"), fields)).toBe("文件中重复");
    expect(rejectText(zhCN, reject("uscc", "exists"), fields)).toBe("已存在");
    expect(rejectText(zhCN, reject(null, "not_found"), fields)).toBe("找不到要更新的记录");
    expect(rejectText(en, reject(null, "ambiguous"), fields)).toBe("Matches more than one customer");
  });

  it("uses the form's words for a field that failed validation", () => {
    expect(rejectText(zhCN, reject("uscc", "checksum"), fields)).toBe("统一社会信用代码校验位不正确");
    expect(rejectText(zhCN, reject("invoiceTitle", "too_long"), fields)).toBe("发票抬头太长了");
  });

  it("names a column the form does not know by the import's label for it", () => {
    expect(rejectFieldLabel(zhCN, "contactName", fields)).toBe("联系人");
    expect(rejectText(zhCN, reject("contactName", "too_long"), fields)).toBe("联系人太长了");
  });
});
