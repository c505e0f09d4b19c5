import { describe, expect, it } from "vitest";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { mockIPC } from "@tauri-apps/api/mocks";
import type { StoreStatus } from "../../api/bindings/StoreStatus";
import { renderInChinese } from "../../test/render";
import { StoreGate } from "./StoreGate";

const locked: StoreStatus = { state: "needsPassphrase", dataDir: "/data", keySource: "passphrase", problem: null };
const open: StoreStatus = { ...locked, state: "open" };
const IN_USE = "数据正在被另一个程序窗口使用，请先关闭它";

describe("StoreGate", () => {
  it("shows a wrong passphrase as a localized error and lets the user try again", async () => {
    const tried: string[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "store_status") return locked;
      if (cmd === "unlock_with_passphrase") {
        const { passphrase } = args as { passphrase: string };
        tried.push(passphrase);
        if (passphrase !== "correct horse") throw { code: "locked", message: "bad key", field: null, reason: "wrong_key" };
        return open;
      }
      throw new Error(cmd);
    });
    await renderInChinese(
      <StoreGate>
        <div>main window</div>
      </StoreGate>,
    );

    fireEvent.change(await screen.findByTestId("passphrase-input"), { target: { value: "wrong one" } });
    fireEvent.click(screen.getByTestId("passphrase-submit"));
    expect(await screen.findByTestId("unlock-error")).toHaveTextContent("密码不正确，数据未做任何更改");

    fireEvent.change(screen.getByTestId("passphrase-input"), { target: { value: "correct horse" } });
    fireEvent.click(screen.getByTestId("passphrase-submit"));
    expect(await screen.findByText("main window")).toBeInTheDocument();
    expect(tried).toEqual(["wrong one", "correct horse"]);
  });

  it("says why the store cannot open and opens it when the user retries after closing the other window", async () => {
    let held = true;
    const failed: StoreStatus = {
      state: "failed",
      dataDir: "/data",
      keySource: "keychain",
      problem: { code: "locked", message: "in use", field: null, reason: "in_use" },
    };
    mockIPC((cmd) => {
      if (cmd === "store_status") return failed;
      if (cmd === "retry_open_store") return held ? failed : { ...failed, state: "open", problem: null };
      throw new Error(cmd);
    });
    await renderInChinese(
      <StoreGate>
        <div>main window</div>
      </StoreGate>,
    );
    expect(await screen.findByTestId("unlock-error")).toHaveTextContent(IN_USE);
    fireEvent.click(screen.getByTestId("store-retry"));
    await waitFor(() => expect(screen.getByTestId("unlock-error")).toHaveTextContent(IN_USE));
    held = false;
    fireEvent.click(screen.getByTestId("store-retry"));
    expect(await screen.findByText("main window")).toBeInTheDocument();
  });

  it("explains why the recovery key is needed when the keychain entry is gone", async () => {
    mockIPC((cmd) => {
      if (cmd === "store_status")
        return {
          state: "needsRecoveryKey",
          dataDir: "/data",
          keySource: "keychain",
          problem: { code: "locked", message: "no entry", field: null, reason: "keychain_missing" },
        };
      throw new Error(cmd);
    });
    await renderInChinese(
      <StoreGate>
        <div>main window</div>
      </StoreGate>,
    );
    expect(await screen.findByTestId("unlock-error")).toHaveTextContent("系统钥匙串中的密钥已被删除，请使用恢复密钥打开数据");
    expect(screen.getByTestId("recovery-key-input")).toBeInTheDocument();
  });

  it("refuses a first-run passphrase shorter than 8 characters without calling the shell", async () => {
    let called = false;
    mockIPC((cmd) => {
      if (cmd === "store_status") return { ...locked, state: "needsNewPassphrase" };
      called = true;
      return open;
    });
    await renderInChinese(
      <StoreGate>
        <div>main window</div>
      </StoreGate>,
    );
    fireEvent.change(await screen.findByTestId("passphrase-input"), { target: { value: "short" } });
    fireEvent.change(screen.getByTestId("passphrase-confirm"), { target: { value: "short" } });
    fireEvent.click(screen.getByTestId("passphrase-submit"));
    expect(await screen.findByText("密码至少需要 8 个字符")).toBeInTheDocument();
    await waitFor(() => expect(called).toBe(false));
  });
});
