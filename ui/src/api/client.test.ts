import { describe, expect, it } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
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
