import { describe, expect, it } from "vitest";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { mockIPC } from "@tauri-apps/api/mocks";
import { renderInChinese } from "../../test/render";
import { SearchPalette } from "./SearchPalette";

const hits = [
  { kind: "customer", id: 7, customerId: 7, name: "北京华远科技有限公司", detail: "13812345678", tier: "substring", matched: "pinyin" },
  { kind: "contact", id: 3, customerId: 7, name: "黄艳", detail: "北京华远科技有限公司", tier: "exact", matched: "pinyin" },
];

describe("SearchPalette", () => {
  it("shows hits while typing and opens the chosen one's customer with the arrow keys and Enter", async () => {
    const queries: string[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "search") {
        queries.push((args as { query: string }).query);
        return hits;
      }
      throw new Error(`unexpected ${cmd}`);
    });
    const opened: number[] = [];
    await renderInChinese(<SearchPalette open onClose={() => undefined} onOpenCustomer={(id) => opened.push(id)} />);
    const input = await screen.findByTestId("search-input");
    fireEvent.change(input, { target: { value: "hy" } });
    await waitFor(() => expect(screen.getAllByTestId("search-hit")).toHaveLength(2));
    expect(queries).toEqual(["hy"]);
    expect(screen.getAllByText("拼音")[0]).toBeInTheDocument();
    fireEvent.keyDown(input, { key: "ArrowDown" });
    expect(screen.getAllByTestId("search-hit")[1]).toHaveAttribute("aria-selected", "true");
    fireEvent.keyDown(input, { key: "Enter" });
    expect(opened).toEqual([7]);
  });

  it("says so when nothing matches, and never searches for blank text", async () => {
    const queries: string[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "search") queries.push((args as { query: string }).query);
      return [];
    });
    await renderInChinese(<SearchPalette open onClose={() => undefined} onOpenCustomer={() => undefined} />);
    const input = await screen.findByTestId("search-input");
    fireEvent.change(input, { target: { value: "   " } });
    expect(await screen.findByText(/输入名称的任意部分/)).toBeInTheDocument();
    fireEvent.change(input, { target: { value: "不存在的公司" } });
    expect(await screen.findByText("没有找到匹配的客户或联系人")).toBeInTheDocument();
    expect(queries).toEqual(["不存在的公司"]);
  });
});
