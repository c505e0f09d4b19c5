import { describe, expect, it } from "vitest";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { Channel } from "@tauri-apps/api/core";
import { mockIPC } from "@tauri-apps/api/mocks";
import type { ExportProgress } from "../../api/bindings/ExportProgress";
import type { ImportPreview } from "../../api/bindings/ImportPreview";
import type { ImportRecord } from "../../api/bindings/ImportRecord";
import type { ImportReport } from "../../api/bindings/ImportReport";
import type { ImportRequest } from "../../api/bindings/ImportRequest";
import { renderInChinese } from "../../test/render";
import { ImportPage } from "./ImportPage";

const preview: ImportPreview = {
  path: "/home/me/客户.xlsx",
  fileName: "客户.xlsx",
  entity: "customers",
  sheet: "Sheet1",
  encoding: null,
  headerRow: 2,
  headers: ["公司", "信用代码", "手机号"],
  mapping: ["name", "uscc", null],
  rows: [
    ["福州海云科技有限公司", "91350100M000100Y43", "13800000000"],
    ["厦门明达贸易有限公司", "91350200M000200Y21", "13900000000"],
  ],
  totalRows: 3,
  fields: [
    { key: "name", label: "客户名称" },
    { key: "uscc", label: "统一社会信用代码" },
    { key: "mobile", label: "手机" },
  ],
  needed: [],
  modes: ["create", "update", "upsert"],
};

/** A file of receipts whose date column was not recognised. */
const receipts: ImportPreview = {
  ...preview,
  path: "/home/me/回款.xlsx",
  fileName: "回款.xlsx",
  entity: "receipts",
  headers: ["合同编号", "日期", "金额"],
  mapping: ["contractNumber", null, "amount"],
  rows: [["HT-2026-0001", "2026-11-30", "¥1,000.00"]],
  totalRows: 1,
  fields: [
    { key: "contractNumber", label: "合同编号" },
    { key: "receivedOn", label: "回款日期" },
    { key: "amount", label: "金额" },
  ],
  needed: [["contractNumber"], ["receivedOn"], ["amount"]],
  modes: ["create", "upsert"],
};

const report = (over: Partial<ImportReport>): ImportReport => ({
  importId: null,
  dryRun: true,
  total: 3,
  created: 2,
  updated: 0,
  unchanged: 0,
  rejected: 1,
  rejects: [{ row: 4, field: "uscc", reason: "checksum", values: ["某公司", "91350100M000100Y44", ""] }],
  ...over,
});

const record: ImportRecord = {
  id: 9,
  fileName: "客户.xlsx",
  entity: "customers",
  mode: "upsert",
  createdAt: 1_790_000_000_000,
  created: 2,
  updated: 0,
  rejected: 1,
  revertedAt: null,
};

type Handler = (cmd: string, args: Record<string, unknown>) => unknown;

/** The import commands as a fresh store answers them, with `overrides` for the ones a test cares about. */
function mockCommands(overrides: Record<string, Handler> = {}) {
  const calls: Array<[string, Record<string, unknown>]> = [];
  mockIPC((cmd, raw) => {
    const args = (raw ?? {}) as Record<string, unknown>;
    calls.push([cmd, args]);
    if (overrides[cmd]) return overrides[cmd](cmd, args);
    if (cmd === "list_imports") return [];
    if (cmd === "pick_import_file") return preview.path;
    if (cmd === "inspect_import") return preview;
    throw new Error(`unexpected ${cmd}`);
  });
  return calls;
}

const args = (calls: Array<[string, Record<string, unknown>]>, cmd: string) => calls.filter(([c]) => c === cmd).map(([, a]) => a);

async function pickFile() {
  fireEvent.click(screen.getByTestId("import-pick"));
  await screen.findByTestId("import-rows-info");
}

async function selectField(index: number, label: string) {
  const select = screen.getByTestId(`map-${index}`);
  fireEvent.mouseDown(select.querySelector(".ant-select-selector")!);
  const options = await screen.findAllByTitle(label);
  const option = options.find((el) => el.classList.contains("ant-select-item-option") && el.closest(".ant-select-dropdown:not(.ant-select-dropdown-hidden)"));
  fireEvent.click(option!);
}

describe("the import page", () => {
  it("reads the chosen file and shows how its columns map and what its rows hold", async () => {
    const calls = mockCommands();
    await renderInChinese(<ImportPage />);
    expect(screen.getByTestId("page-title")).toHaveTextContent("导入");

    await pickFile();
    expect(args(calls, "inspect_import")).toEqual([{ path: preview.path, entity: "customers", language: "zh-CN" }]);
    expect(screen.getByTestId("import-file")).toHaveTextContent("客户.xlsx");
    expect(screen.getByTestId("import-rows-info")).toHaveTextContent("共 3 行，表头在第 2 行");
    expect(screen.getByTestId("map-0")).toHaveTextContent("客户名称");
    expect(screen.getByTestId("map-2")).toHaveTextContent("不导入");
    expect(screen.getByTestId("import-preview")).toHaveTextContent("厦门明达贸易有限公司");
  });

  it("says in words why a file cannot be read", async () => {
    mockCommands({
      inspect_import: () => {
        throw { code: "validation", message: "encrypted", field: "file", reason: "encrypted" };
      },
    });
    await renderInChinese(<ImportPage />);

    fireEvent.click(screen.getByTestId("import-pick"));
    expect(await screen.findByTestId("import-error")).toHaveTextContent("工作簿有密码保护，请先在 Excel 中取消密码");
    expect(screen.queryByTestId("import-rows-info")).toBeNull();
  });

  it("gives a field to the column the user picks it for and takes it from the column that had it", async () => {
    const calls = mockCommands({ run_import: () => report({}) });
    await renderInChinese(<ImportPage />);
    await pickFile();

    await selectField(2, "客户名称");
    await waitFor(() => expect(screen.getByTestId("map-2")).toHaveTextContent("客户名称"));
    expect(screen.getByTestId("map-0")).toHaveTextContent("不导入");

    fireEvent.click(screen.getByTestId("import-dry-run"));
    await screen.findByTestId("import-result");
    expect((args(calls, "run_import")[0].request as ImportRequest).mapping).toEqual([null, "uscc", "name"]);
  });

  it("will not run while a chosen match key has no column, and says why", async () => {
    mockCommands();
    await renderInChinese(<ImportPage />);
    await pickFile();

    fireEvent.click(screen.getByTestId("mode-update"));
    fireEvent.click(screen.getByTestId("match-mobile"));
    expect(await screen.findByTestId("import-warning-unmappedMatchKey")).toHaveTextContent("没有对应的列");
    expect(screen.getByTestId("import-dry-run")).toBeDisabled();
    expect(screen.getByTestId("import-run")).toBeDisabled();

    await selectField(2, "手机");
    await waitFor(() => expect(screen.getByTestId("import-run")).toBeEnabled());
    expect(screen.queryByTestId("import-warning-unmappedMatchKey")).toBeNull();
  });

  it("offers every record type, and for receipts names the needed column still without one", async () => {
    const calls = mockCommands({ pick_import_file: () => receipts.path, inspect_import: () => receipts });
    await renderInChinese(<ImportPage />);
    for (const e of ["customers", "contacts", "products", "contracts", "installments", "receipts", "followUps"]) {
      expect(screen.getByTestId(`import-entity-${e}`), `${e} can be imported`).toBeInTheDocument();
    }
    fireEvent.click(screen.getByTestId("import-entity-receipts"));
    await pickFile();
    expect(args(calls, "inspect_import")[0].entity).toBe("receipts");

    expect(screen.getByTestId("import-match-note")).toHaveTextContent("尚未收清的各期");
    expect(screen.queryByTestId("match-uscc"), "match keys are the customers' own").toBeNull();
    expect(screen.queryByTestId("mode-update"), "a file adds receipts, it does not say which one to change").toBeNull();
    expect(screen.getByTestId("mode-upsert")).toBeInTheDocument();
    expect(screen.getByTestId("import-warning-noNeededColumns")).toHaveTextContent("回款日期");
    expect(screen.getByTestId("import-warning-noNeededColumns")).not.toHaveTextContent("合同编号");
    expect(screen.getByTestId("import-run"), "an import without the date would reject every row").toBeDisabled();

    await selectField(1, "回款日期");
    await waitFor(() => expect(screen.getByTestId("import-run")).toBeEnabled());
    expect(screen.queryByTestId("import-warning-noNeededColumns")).toBeNull();
  });

  it("dry-runs with the chosen mode and match keys and says that nothing was written", async () => {
    let finish: () => void = () => undefined;
    let progressChannel: Channel<ExportProgress> | undefined;
    const calls = mockCommands({
      run_import: (_, a) => {
        progressChannel = a.onProgress as Channel<ExportProgress>;
        progressChannel.onmessage({ done: 1, total: 3 });
        return new Promise((resolve) => {
          finish = () => resolve(report({}));
        });
      },
    });
    await renderInChinese(<ImportPage />);
    await pickFile();

    fireEvent.click(screen.getByTestId("mode-upsert"));
    fireEvent.click(screen.getByTestId("match-name"));
    fireEvent.click(screen.getByTestId("import-dry-run"));

    expect(await screen.findByTestId("import-progress")).toHaveTextContent("已处理 1 / 3 行");
    expect(screen.getByTestId("import-run")).toBeDisabled();
    expect(args(calls, "run_import")[0].request).toEqual({
      path: preview.path,
      entity: "customers",
      mapping: ["name", "uscc", null],
      mode: "upsert",
      matchKeys: ["uscc"],
      dryRun: true,
    });

    act(() => progressChannel?.onmessage({ done: 3, total: 3 }));
    expect(screen.getByTestId("import-progress-text"), "every row is through; the save and the indexes are what remains").toHaveTextContent(
      "所有行已处理，正在保存并更新索引",
    );

    finish();
    const result = await screen.findByTestId("import-result");
    expect(within(result).getByTestId("count-created")).toHaveTextContent(/^2$/);
    expect(within(result).getByTestId("count-updated")).toHaveTextContent(/^0$/);
    expect(within(result).getByTestId("count-unchanged")).toHaveTextContent(/^0$/);
    expect(within(result).getByTestId("count-rejected")).toHaveTextContent(/^1$/);
    expect(within(result).getByTestId("import-dry-run-note")).toHaveTextContent("没有写入任何数据");
    expect(within(result).getByTestId("reject-reason")).toHaveTextContent("统一社会信用代码校验位不正确");
    expect(within(result).queryByTestId("import-save-rejects")).toBeNull();
    expect(screen.queryByTestId("import-progress")).toBeNull();
    expect(screen.getByTestId("import-run")).toBeEnabled();
  });

  it("after a real import saves its error rows and lists it in the history, where it can be reverted", async () => {
    let history: ImportRecord[] = [];
    const calls = mockCommands({
      list_imports: () => history,
      run_import: () => {
        history = [record];
        return report({ importId: 9, dryRun: false, rejects: [{ row: 5, field: null, reason: "duplicate_in_file", values: [] }] });
      },
      pick_save_path: () => "/home/me/错误行.xlsx",
      save_import_rejects: () => null,
      revert_import: () => {
        history = [{ ...record, revertedAt: 1_790_000_100_000 }];
        return history[0];
      },
    });
    await renderInChinese(<ImportPage />);
    await pickFile();

    fireEvent.click(screen.getByTestId("import-run"));
    const result = await screen.findByTestId("import-result");
    expect(within(result).getByTestId("reject-reason")).toHaveTextContent("文件中重复");
    expect(within(result).queryByTestId("import-dry-run-note")).toBeNull();

    fireEvent.click(within(result).getByTestId("import-save-rejects"));
    await waitFor(() => expect(args(calls, "save_import_rejects")).toEqual([{ id: 9, path: "/home/me/错误行.xlsx", language: "zh-CN" }]));
    expect(args(calls, "pick_save_path")).toEqual([{ defaultName: "导入错误行.xlsx" }]);

    fireEvent.click(await screen.findByTestId("revert-9"));
    expect(args(calls, "revert_import")).toEqual([]);
    fireEvent.click(await screen.findByTestId("revert-confirm"));
    expect(await screen.findByTestId("reverted-9")).toHaveTextContent("已撤销");
    expect(args(calls, "revert_import")).toEqual([{ id: 9 }]);
    expect(screen.queryByTestId("revert-9")).toBeNull();
  });

  it("saves the import template under its default name", async () => {
    const calls = mockCommands({ pick_save_path: () => "/home/me/模板.xlsx", save_import_template: () => null });
    await renderInChinese(<ImportPage />);

    fireEvent.click(screen.getByTestId("import-template"));
    await waitFor(() => expect(args(calls, "save_import_template")).toEqual([{ entity: "customers", path: "/home/me/模板.xlsx", language: "zh-CN" }]));
    expect(args(calls, "pick_save_path")).toEqual([{ defaultName: "客户导入模板.xlsx" }]);
  });
});
