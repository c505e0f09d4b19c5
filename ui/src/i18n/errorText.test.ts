import { describe, expect, it } from "vitest";
import type { AppError } from "../api/bindings/AppError";
import i18n from "./index";
import { errorText } from "./errorText";

const err = (code: AppError["code"], field: string | null, reason: string | null, message = "internal english text"): AppError => ({
  code,
  message,
  field,
  reason,
});

describe("errorText", () => {
  const zhCN = i18n.getFixedT("zh-CN");
  const zhTW = i18n.getFixedT("zh-TW");
  const en = i18n.getFixedT("en");

  it("names a wrong USCC check character in each language", () => {
    const e = err("validation", "uscc", "checksum");
    expect(errorText(zhCN, e)).toBe("统一社会信用代码校验位不正确");
    expect(errorText(zhTW, e)).toBe("統一社會信用代碼檢查碼不正確");
    expect(errorText(en, e)).toBe("The check character of the unified social credit code is wrong");
  });

  it("builds a reason text around the field label when no field-specific text exists", () => {
    expect(errorText(zhCN, err("validation", "invoiceTitle", "too_long"))).toBe("发票抬头太长了");
    expect(errorText(zhTW, err("validation", "bankName", "control_chars"))).toBe("開戶銀行包含看不見的控制字元");
    expect(errorText(en, err("validation", "address", "required"))).toBe("Address is required");
  });

  it("falls back to a field-generic text for an unknown reason", () => {
    expect(errorText(zhCN, err("validation", "email", "something_new"))).toBe("电子邮箱填写有误");
  });

  it("falls back to the code text when neither field nor reason is known", () => {
    expect(errorText(zhCN, err("validation", null, null))).toBe("输入内容有误，请检查后重试");
    expect(errorText(en, err("not_found", null, null))).toBe("This record no longer exists; it may have been deleted");
  });

  it("localizes lock, conflict and io reasons", () => {
    expect(errorText(zhCN, err("locked", null, "wrong_key"))).toBe("密码不正确，数据未做任何更改");
    expect(errorText(zhTW, err("locked", null, "keychain_missing"))).toContain("復原金鑰");
    expect(errorText(zhCN, err("conflict", "uscc", "uscc_taken"))).toBe("已有客户使用这个统一社会信用代码");
    expect(errorText(en, err("conflict", null, "schema_newer"))).toContain("newer version");
    expect(errorText(zhTW, err("io", null, "disk_full"))).toBe("磁碟空間已滿，請清理後再試");
  });

  it("says what is wrong with a file to import or with the import's settings", () => {
    expect(errorText(zhCN, err("validation", "file", "encrypted"))).toBe("工作簿有密码保护，请先在 Excel 中取消密码");
    expect(errorText(zhCN, err("validation", "file", "unsupported"))).toBe("不支持的文件类型（请用 .xlsx .xls .ods .csv）");
    expect(errorText(zhCN, err("locked", null, "file_in_use"))).toBe("文件被其他程序占用，请关闭后重试");
    expect(errorText(zhTW, err("validation", "file", "no_header"))).toBe("找不到標題列");
    expect(errorText(en, err("validation", "mapping", "duplicate"))).toBe("Two columns cannot go into the same field");
    expect(errorText(zhCN, err("conflict", null, "import_reverted"))).toBe("这次导入已经撤销过了");
  });

  it("never shows the internal English message when a translation exists", () => {
    const text = errorText(zhCN, err("internal", null, null, "sqlx pool timed out"));
    expect(text).not.toContain("sqlx");
    expect(text).toContain("程序内部出错");
  });

  it("shows the message only for a code it has no translation for", () => {
    const unknown = { code: "brand_new", message: "raw text", field: null, reason: null } as unknown as AppError;
    expect(errorText(en, unknown)).toBe("raw text");
  });
});
