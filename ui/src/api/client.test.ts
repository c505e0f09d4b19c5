import { describe, expect, it } from "vitest";
import { Channel } from "@tauri-apps/api/core";
import { mockIPC } from "@tauri-apps/api/mocks";
import type { ExportProgress } from "./bindings/ExportProgress";
import type { ExportRequest } from "./bindings/ExportRequest";
import type { ImportRequest } from "./bindings/ImportRequest";
import { api, toAppError } from "./client";

describe("the command client", () => {
  it("passes arguments under the names the Rust commands expect", async () => {
    const calls: Array<[string, unknown]> = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return null;
    });
    await api.unlockWithRecoveryKey("ABCD");
    await api.updateCustomer(7, { name: "x" } as never);
    expect(calls[0]).toEqual(["unlock_with_recovery_key", { recoveryKey: "ABCD" }]);
    expect(calls[1]).toEqual(["update_customer", { id: 7, input: { name: "x" } }]);
  });

  it("passes the import and export commands their arguments under the Rust names", async () => {
    const calls: Array<[string, unknown]> = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return null;
    });
    await api.pickImportFile();
    await api.pickSavePath("客户-2026-11-23.xlsx");
    await api.inspectImport("/tmp/a.xlsx", "customers", "zh-CN");
    await api.listImports();
    await api.revertImport(3);
    await api.saveImportRejects(3, "/tmp/err.xlsx", "zh-TW");
    await api.saveImportTemplate("customers", "/tmp/t.xlsx", "en");
    await api.cancelExport();
    expect(calls).toEqual([
      ["pick_import_file", {}],
      ["pick_save_path", { defaultName: "客户-2026-11-23.xlsx" }],
      ["inspect_import", { path: "/tmp/a.xlsx", entity: "customers", language: "zh-CN" }],
      ["list_imports", {}],
      ["revert_import", { id: 3 }],
      ["save_import_rejects", { id: 3, path: "/tmp/err.xlsx", language: "zh-TW" }],
      ["save_import_template", { entity: "customers", path: "/tmp/t.xlsx", language: "en" }],
      ["cancel_export", {}],
    ]);
  });

  it("sends a progress channel with an import and an export and hands its messages to the caller", async () => {
    const calls: Array<[string, Record<string, unknown>]> = [];
    mockIPC((cmd, args) => {
      const a = args as Record<string, unknown>;
      calls.push([cmd, a]);
      (a.onProgress as Channel<ExportProgress>).onmessage({ done: 5, total: 10 });
      return cmd === "run_import" ? { importId: 1 } : { rows: 10, sheets: 1, path: "/x.xlsx" };
    });
    const request: ImportRequest = {
      path: "/tmp/a.csv",
      entity: "customers",
      mapping: ["name", null],
      mode: "upsert",
      matchKeys: ["uscc", "name"],
      dryRun: true,
    };
    const exportRequest: ExportRequest = { entity: null, query: null, format: "xlsx", path: "/x.xlsx", language: "zh-CN" };
    const seen: ExportProgress[] = [];
    await api.runImport(request, (p) => seen.push(p));
    await api.exportRecords(exportRequest, (p) => seen.push(p));

    expect(calls.map(([cmd]) => cmd)).toEqual(["run_import", "export_records"]);
    expect(calls[0][1]).toEqual({ request, onProgress: expect.any(Channel) });
    expect(calls[1][1]).toEqual({ request: exportRequest, onProgress: expect.any(Channel) });
    expect(seen).toEqual([
      { done: 5, total: 10 },
      { done: 5, total: 10 },
    ]);
  });

  it("rejects with the AppError the command returned", async () => {
    mockIPC(() => {
      throw { code: "locked", message: "wrong key", field: null, reason: "wrong_key" };
    });
    await expect(api.unlockWithPassphrase("nope")).rejects.toEqual({
      code: "locked",
      message: "wrong key",
      field: null,
      reason: "wrong_key",
    });
  });

  it("turns anything else into an internal error", () => {
    expect(toAppError("boom")).toEqual({ code: "internal", message: "boom", field: null, reason: null });
    expect(toAppError(new Error("bad"))).toMatchObject({ code: "internal", message: "bad" });
    expect(toAppError({ code: "weird" })).toMatchObject({ code: "internal" });
  });
});
