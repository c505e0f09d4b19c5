import { afterEach, describe, expect, it, vi } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { act } from "react";
import { emit } from "@tauri-apps/api/event";
import { mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import type { Document } from "../../api/bindings/Document";
import { renderInChinese } from "../../test/render";
import { DocumentList } from "./DocumentList";

const doc = (id: number, name: string, overrides: Partial<Document> = {}): Document => ({
  id,
  customerId: 7,
  contractId: null,
  contractNumber: null,
  name,
  kind: "pdf",
  size: 2_621_440,
  sha256: "ab".repeat(32),
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
  deletedAt: null,
  ...overrides,
});

type Call = { cmd: string; args: Record<string, unknown> };

/** A fake core holding the customer's documents; `overrides` answers a command differently. */
function fakeCore(stored: Document[], overrides: Record<string, (args: Record<string, unknown>) => unknown> = {}) {
  const calls: Call[] = [];
  mockIPC(
    (cmd, raw) => {
      const args = (raw ?? {}) as Record<string, unknown>;
      calls.push({ cmd, args });
      if (overrides[cmd]) return overrides[cmd](args);
      switch (cmd) {
        case "list_customer_documents":
          return stored;
        case "list_contract_documents":
          return stored.filter((d) => d.contractId === args.contractId);
        case "attach_document": {
          const name = String(args.path).split(/[\\/]/).pop()!;
          const added = doc(100 + stored.length, name, { contractId: (args.contractId as number | null) ?? null });
          stored.push(added);
          return added;
        }
        default:
          throw new Error(`unexpected ${cmd}`);
      }
    },
    { shouldMockEvents: true },
  );
  return calls;
}

const commands = (calls: Call[]) => calls.map((c) => c.cmd).filter((c) => !c.startsWith("plugin:"));

afterEach(() => vi.restoreAllMocks());

describe("DocumentList", () => {
  it("lists the customer's documents, with the contract a document belongs to and its size", async () => {
    const calls = fakeCore([
      doc(1, "报价单.pdf"),
      doc(2, "合同扫描件.jpg", { kind: "image", contractId: 5, contractNumber: "HT-2026-0001", size: 51_200 }),
    ]);
    await renderInChinese(<DocumentList customerId={7} contractId={null} />);
    const rows = await screen.findAllByTestId("document-row");
    expect(rows.map((r) => within(r).getByTestId("document-name").textContent)).toEqual(["报价单.pdf", "合同扫描件.jpg"]);
    expect(within(rows[0]).getByText(/2\.5 MB/)).toBeInTheDocument();
    expect(within(rows[1]).getByText(/50 KB/)).toBeInTheDocument();
    expect(within(rows[1]).getByTestId("document-contract")).toHaveTextContent("合同 HT-2026-0001");
    expect(within(rows[0]).queryByTestId("document-contract")).toBeNull();
    expect(calls.find((c) => c.cmd === "list_customer_documents")?.args).toEqual({ customerId: 7 });
  });

  it("lists only a contract's documents when given one, without repeating its number", async () => {
    const calls = fakeCore([doc(1, "报价单.pdf"), doc(2, "合同.pdf", { contractId: 5, contractNumber: "HT-2026-0001" })]);
    await renderInChinese(<DocumentList customerId={7} contractId={5} />);
    const rows = await screen.findAllByTestId("document-row");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent("合同.pdf");
    expect(within(rows[0]).queryByTestId("document-contract")).toBeNull();
    expect(commands(calls)).toEqual(["list_contract_documents"]);
  });

  it("says where to drop files when there are none", async () => {
    fakeCore([]);
    await renderInChinese(<DocumentList customerId={7} contractId={null} />);
    expect(await screen.findByText("把文件拖到这里，或点击“添加文件”")).toBeInTheDocument();
  });

  it("attaches the picked file to the customer and its contract, after the dialog, and shows it", async () => {
    const calls = fakeCore([], { pick_document_file: () => "C:\\Users\\王\\Desktop\\验收单.pdf" });
    await renderInChinese(<DocumentList customerId={7} contractId={5} />);
    await screen.findByText("把文件拖到这里，或点击“添加文件”");
    fireEvent.click(screen.getByTestId("documents-attach"));
    expect(await screen.findByText("已添加「验收单.pdf」")).toBeInTheDocument();
    expect(commands(calls).slice(1, 3)).toEqual(["pick_document_file", "attach_document"]);
    expect(calls.find((c) => c.cmd === "attach_document")?.args).toEqual({
      path: "C:\\Users\\王\\Desktop\\验收单.pdf",
      customerId: 7,
      contractId: 5,
    });
    await waitFor(() => expect(screen.getAllByTestId("document-row")).toHaveLength(1));
  });

  it("does nothing when the file dialog is cancelled", async () => {
    const calls = fakeCore([], { pick_document_file: () => null });
    await renderInChinese(<DocumentList customerId={7} contractId={null} />);
    await screen.findByText("把文件拖到这里，或点击“添加文件”");
    fireEvent.click(screen.getByTestId("documents-attach"));
    await waitFor(() => expect(commands(calls)).toContain("pick_document_file"));
    await waitFor(() => expect(screen.getByTestId("documents-attach")).not.toHaveClass("ant-btn-loading"));
    expect(commands(calls)).not.toContain("attach_document");
  });

  it("says in the user's language why a file was refused", async () => {
    fakeCore([], {
      pick_document_file: () => "/home/wang/setup.exe",
      attach_document: () => {
        throw { code: "validation", message: "file: type_not_allowed", field: "file", reason: "type_not_allowed" };
      },
    });
    await renderInChinese(<DocumentList customerId={7} contractId={null} />);
    await screen.findByText("把文件拖到这里，或点击“添加文件”");
    fireEvent.click(screen.getByTestId("documents-attach"));
    expect(await screen.findByText(/「setup\.exe」未能添加：不支持这种文件。可以添加 PDF、Word、Excel、PowerPoint、OFD、图片/)).toBeInTheDocument();
  });

  it("shows a drop zone while files are dragged over it and attaches each dropped file in turn", async () => {
    // jsdom lays nothing out: let the list count as shown.
    vi.spyOn(HTMLElement.prototype, "getClientRects").mockReturnValue([{}] as unknown as DOMRectList);
    mockWindows("main");
    const calls = fakeCore([], {
      attach_document: (args) => {
        if (String(args.path).endsWith("big.zip")) throw { code: "validation", message: "", field: "file", reason: "too_large" };
        return doc(9, String(args.path).split("/").pop()!);
      },
    });
    await renderInChinese(<DocumentList customerId={7} contractId={null} />);
    await screen.findByText("把文件拖到这里，或点击“添加文件”");
    const position = { x: 10, y: 10 };
    // The list starts listening once it is on screen.
    await waitFor(async () => {
      await act(() => emit("tauri://drag-enter", { paths: ["/tmp/a.pdf"], position }));
      expect(screen.getByTestId("documents-drop-zone")).toHaveTextContent("松开鼠标，把文件添加到这里");
    });
    await act(() => emit("tauri://drag-drop", { paths: ["/tmp/a.pdf", "/tmp/big.zip", "/tmp/c.docx"], position }));
    expect(await screen.findByText("「big.zip」未能添加：文件超过 100 MB，无法添加")).toBeInTheDocument();
    expect(await screen.findByText("已添加 2 个文件")).toBeInTheDocument();
    expect(screen.queryByTestId("documents-drop-zone")).toBeNull();
    expect(calls.filter((c) => c.cmd === "attach_document").map((c) => c.args.path)).toEqual(["/tmp/a.pdf", "/tmp/big.zip", "/tmp/c.docx"]);
  });

  it("opens a document with the system's app and says so, or why not", async () => {
    let app = true;
    fakeCore([doc(1, "报价单.pdf")], {
      open_document: () => {
        if (app) return "/tmp/open/报价单.pdf";
        throw { code: "io", message: "no app", field: null, reason: "no_app" };
      },
    });
    await renderInChinese(<DocumentList customerId={7} contractId={null} />);
    fireEvent.click(await screen.findByTestId("document-open"));
    expect(await screen.findByText("已用本机的程序打开「报价单.pdf」")).toBeInTheDocument();
    app = false;
    fireEvent.click(screen.getByTestId("document-open"));
    expect(await screen.findByText("这台电脑上没有能打开这种文件的程序")).toBeInTheDocument();
  });

  it("saves a copy where the user chose, and nothing when the dialog is cancelled", async () => {
    let chosen: string | null = null;
    const calls = fakeCore([doc(1, "报价单.pdf", { kind: "word" })], {
      pick_save_path: () => chosen,
      save_document_as: () => null,
    });
    await renderInChinese(<DocumentList customerId={7} contractId={null} />);
    const row = await screen.findByTestId("document-row");
    expect(within(row).queryByTestId("document-preview")).toBeNull();
    fireEvent.click(within(row).getByTestId("document-save-as"));
    await waitFor(() => expect(commands(calls)).toContain("pick_save_path"));
    expect(calls.find((c) => c.cmd === "pick_save_path")?.args).toEqual({ defaultName: "报价单.pdf" });
    await waitFor(() => expect(within(row).getByTestId("document-save-as")).not.toHaveClass("ant-btn-loading"));
    chosen = "D:\\备份\\报价单.pdf";
    fireEvent.click(within(row).getByTestId("document-save-as"));
    expect(await screen.findByText("已保存到 D:\\备份\\报价单.pdf")).toBeInTheDocument();
    expect(calls.filter((c) => c.cmd === "save_document_as").map((c) => c.args)).toEqual([{ id: 1, path: "D:\\备份\\报价单.pdf" }]);
  });
});
