import { describe, expect, it } from "vitest";
import { checkNumberRule } from "./numberRule";

const on = new Date(2026, 2, 5);

describe("checkNumberRule", () => {
  it("previews numbers as the core renders them", () => {
    const rule = checkNumberRule("HT-{YYYY}-{0000}");
    expect(rule.ok && rule.preview(on, 7)).toBe("HT-2026-0007");
    const short = checkNumberRule("{YY}{MM}{DD}-{00}号");
    expect(short.ok && short.preview(on, 123)).toBe("260305-123号");
  });

  it("refuses what the core refuses, with its reason", () => {
    for (const [rule, reason] of [
      ["HT-{YYYY}", "no_sequence"],
      ["{000}-{000}", "format"],
      ["HT-{YYYYY}-{000}", "format"],
      ["HT-{000", "format"],
      ["HT}-{000}", "format"],
      ["", "required"],
      ["HT\u0007{000}", "control_chars"],
      [`${"x".repeat(40)}{0}`, "too_long"],
    ]) {
      expect(checkNumberRule(rule), rule).toEqual({ ok: false, reason });
    }
  });
});
