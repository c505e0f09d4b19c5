import { describe, expect, it } from "vitest";
import dayjs from "dayjs";
import { nextMonday, presetRange } from "./period";

describe("report periods", () => {
  const today = dayjs("2026-05-14");
  it("cover this month, quarter, year and the last twelve months, both ends included", () => {
    expect(presetRange("month", today)).toEqual(["2026-05-01", "2026-05-31"]);
    expect(presetRange("quarter", today)).toEqual(["2026-04-01", "2026-06-30"]);
    expect(presetRange("year", today)).toEqual(["2026-01-01", "2026-12-31"]);
    expect(presetRange("last12", today)).toEqual(["2025-06-01", "2026-05-31"]);
  });

  it("plan calls for the next Monday, a week ahead on a Monday", () => {
    expect(nextMonday(dayjs("2026-05-14"))).toBe("2026-05-18");
    expect(nextMonday(dayjs("2026-05-18"))).toBe("2026-05-25");
    expect(nextMonday(dayjs("2026-05-17"))).toBe("2026-05-18");
  });
});
