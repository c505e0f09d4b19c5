import { describe, expect, it } from "vitest";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import type { Channel } from "@tauri-apps/api/core";
import { mockIPC } from "@tauri-apps/api/mocks";
import type { CustomerQuery } from "../../api/bindings/CustomerQuery";
import type { ExportProgress } from "../../api/bindings/ExportProgress";
import type { ExportRequest } from "../../api/bindings/ExportRequest";
import { renderInChinese } from "../../test/render";
import { ExportMenu } from "./ExportMenu";

type Args = { defaultName?: string; request?: ExportRequest; onProgress?: Channel<ExportProgress> };

const query: CustomerQuery = {
  status: "deal",
  level: null,
  tag: null,
  province: null,
  city: null,
  district: null,
  trashed: false,
  sort: "name",
  direction: "asc",
  after: null,
  limit: 100,
};

async function choose(item: string) {
  fireEvent.click(screen.getByTestId("export-menu"));
  fireEvent.click(await screen.findByTestId(item));
}

describe("exporting a list", () => {
  it("asks where to save, shows the progress, and says how many rows went where", async () => {
    const calls: Array<[string, Args]> = [];
    let finish: () => void = () => undefined;
    mockIPC((cmd, raw) => {
      const args = raw as Args;
      calls.push([cmd, args]);
      if (cmd === "pick_save_path") return "/d/客户.csv";
      if (cmd === "export_records") {
        args.onProgress!.onmessage({ done: 5, total: 10 });
        return new Promise((resolve) => {
          finish = () => resolve({ rows: 10, sheets: 1, path: "/d/客户.csv" });
        });
      }
      throw new Error(cmd);
    });
    await renderInChinese(<ExportMenu entity="customers" query={query} book />);

    await choose("export-view-csv");
    expect(await screen.findByTestId("export-progress")).toHaveTextContent("5 / 10 行");
    expect(calls[0][0]).toBe("pick_save_path");
    expect(calls[0][1].defaultName).toMatch(/^客户-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(calls[1][1].request).toEqual({ entity: "customers", query, format: "csv", path: "/d/客户.csv", language: "zh-CN" });

    finish();
    expect(await screen.findByTestId("export-done")).toHaveTextContent("已导出 10 行到 /d/客户.csv");
  });

  it("exports the whole book into one workbook named for the day", async () => {
    const calls: Array<[string, Args]> = [];
    mockIPC((cmd, raw) => {
      calls.push([cmd, raw as Args]);
      if (cmd === "pick_save_path") return "/d/book.xlsx";
      if (cmd === "export_records") return { rows: 30, sheets: 3, path: "/d/book.xlsx" };
      throw new Error(cmd);
    });
    await renderInChinese(<ExportMenu entity="customers" query={query} book />);

    await choose("export-book");
    expect(await screen.findByTestId("export-done")).toHaveTextContent("已导出 30 行");
    expect(calls[0][1].defaultName).toMatch(/^客户资料-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(calls[1][1].request).toMatchObject({ entity: null, query: null, format: "xlsx" });
  });

  it("does nothing when the save dialog is closed without a file", async () => {
    const commands: string[] = [];
    mockIPC((cmd) => {
      commands.push(cmd);
      return null;
    });
    await renderInChinese(<ExportMenu entity="contacts" query={null} />);

    await choose("export-all-xlsx");
    await waitFor(() => expect(commands).toEqual(["pick_save_path"]));
    expect(screen.queryByTestId("export-progress")).toBeNull();
    expect(screen.queryByTestId("export-book")).toBeNull();
  });

  it("stops when the user cancels and says so without an error", async () => {
    let stop: () => void = () => undefined;
    mockIPC((cmd) => {
      if (cmd === "pick_save_path") return "/d/c.xlsx";
      if (cmd === "export_records") {
        return new Promise((_, reject) => {
          stop = () => reject({ code: "conflict", message: "the export was cancelled", field: null, reason: "cancelled" });
        });
      }
      if (cmd === "cancel_export") {
        stop();
        return null;
      }
      throw new Error(cmd);
    });
    await renderInChinese(<ExportMenu entity="contacts" query={null} />);

    await choose("export-view-xlsx");
    fireEvent.click(await screen.findByTestId("export-cancel"));
    expect(await screen.findByTestId("export-cancelled")).toHaveTextContent("已取消导出");
    expect(screen.queryByTestId("export-done")).toBeNull();
    expect(screen.queryByText("与已有数据冲突")).toBeNull();
  });
});
