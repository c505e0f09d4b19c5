import { describe, expect, it } from "vitest";
import type { Section } from "../api/bindings/Section";
import { chartOption } from "./chartOption";

const section = (kind: "line" | "bar" | "horizontalBar" | "pie" | "funnel" | "scatter"): Section => ({
  key: "trend",
  title: "近 12 个月签约与回款",
  columns: [
    { key: "month", label: "月份", kind: "text" },
    { key: "signed", label: "签约额", kind: "money" },
    { key: "received", label: "回款额", kind: "money" },
  ],
  rows: [
    { key: "month:2026-01", cells: ["2026-01", 123_456, 100_000] },
    { key: "month:2026-02", cells: ["2026-02", 0, null] },
  ],
  totals: null,
  chart: { kind, category: 0, series: [1, 2], secondary: [] },
  drill: "contracts",
  total_rows: null,
});

describe("chartOption", () => {
  it("plots money in yuan along the named categories, one series per column", () => {
    const o = chartOption(section("bar"), "zh-CN") as Record<string, any>;
    expect(o.xAxis.data).toEqual(["2026-01", "2026-02"]);
    expect(o.series.map((s: any) => s.name)).toEqual(["签约额", "回款额"]);
    expect(o.series[0].data).toEqual([1234.56, 0]);
    expect(o.series[1].data, "an empty cell is a gap, not a zero").toEqual([1000, null]);
    expect(o.yAxis.axisLabel.formatter(12_345_678)).toBe("¥1,234.6万");
    expect(o.aria.decal.show, "patterns that survive greyscale printing").toBe(true);
  });

  it("lays a ranking down with the largest on top", () => {
    const o = chartOption(section("horizontalBar"), "en") as Record<string, any>;
    expect(o.yAxis.type).toBe("category");
    expect(o.yAxis.inverse).toBe(true);
    expect(o.xAxis.axisLabel.formatter(1_500)).toBe("¥1.5k");
  });

  it("draws a pie or a funnel of the first series only", () => {
    const o = chartOption(section("pie"), "zh-CN") as Record<string, any>;
    expect(o.series).toHaveLength(1);
    expect(o.series[0].data).toEqual([
      { name: "2026-01", value: 1234.56 },
      { name: "2026-02", value: 0 },
    ]);
  });

  it("has nothing to draw for a table without rows or a chart", () => {
    expect(chartOption({ ...section("line"), rows: [] }, "en")).toBeNull();
    expect(chartOption({ ...section("line"), chart: null }, "en")).toBeNull();
  });
});
