//! A report table's chart hint turned into an ECharts option: the categories and series the core named,
//! money on the axis as ¥ with 万/亿 (or k/M), shares as %, colours and patterns that stay apart when
//! printed in greyscale. Pure, so it is tested without a canvas.
import type { EChartsCoreOption } from "echarts/core";
import type { Cell } from "../api/bindings/Cell";
import type { ColumnKind } from "../api/bindings/ColumnKind";
import type { Section } from "../api/bindings/Section";
import { cellNumber, cellText, shortMoney } from "../features/reports/cells";

/** Dark, mid and light tones with distinct hues: apart in colour and in grey. */
export const PALETTE = ["#1F3A5F", "#D08A3A", "#8FB3DA", "#5C5C5C", "#A7C957", "#6A4C93", "#E9C46A", "#2A9D8F"];

/** Points a scatter draws at most (the largest first); the table lists the rest. */
const MAX_POINTS = 2000;

/** A value as the chart plots it: money in 元, everything else as it is. */
function plotted(cell: Cell | undefined, kind: ColumnKind): number | null {
  const n = cellNumber(cell);
  if (n === null) return null;
  return kind === "money" ? n / 100 : n;
}

function axisLabel(kind: ColumnKind, language: string) {
  return (v: number) => {
    if (kind === "money") return shortMoney(v * 100, language);
    if (kind === "percent") return `${Math.round(v * 100)}%`;
    return new Intl.NumberFormat(language, { notation: "compact", maximumFractionDigits: 1 }).format(v);
  };
}

function tooltipValue(v: unknown, kind: ColumnKind, language: string): string {
  if (typeof v !== "number") return "—";
  return cellText(kind === "money" ? Math.round(v * 100) : v, kind, language);
}

export function chartOption(section: Section, language: string): EChartsCoreOption | null {
  const hint = section.chart;
  if (!hint || section.rows.length === 0) return null;
  const cols = section.columns;
  const catKind = cols[hint.category]?.kind ?? "text";
  const categories = section.rows.map((r) => cellText(r.cells[hint.category], catKind, language));
  const base = {
    color: PALETTE,
    aria: { enabled: true, decal: { show: true } },
    animation: false,
    textStyle: { fontFamily: "inherit" },
  };
  const seriesKind = cols[hint.series[0]]?.kind ?? "number";

  if (hint.kind === "pie" || hint.kind === "funnel") {
    const s = hint.series[0];
    const data = section.rows.map((r, i) => ({ name: categories[i], value: plotted(r.cells[s], cols[s].kind) ?? 0 }));
    const formatter = (p: { name: string; value: number; percent?: number }) =>
      `${p.name}: ${tooltipValue(p.value, cols[s].kind, language)}${p.percent !== undefined ? ` (${p.percent}%)` : ""}`;
    return {
      ...base,
      tooltip: { trigger: "item", formatter },
      legend: { type: "scroll", bottom: 0 },
      series: [
        hint.kind === "pie"
          ? { type: "pie", radius: ["35%", "65%"], center: ["50%", "45%"], data, label: { formatter: "{b}: {d}%" } }
          : { type: "funnel", sort: "none", left: "15%", width: "70%", top: 10, bottom: 40, data, label: { position: "inside", formatter: "{b}" } },
      ],
    };
  }

  if (hint.kind === "scatter") {
    const [x, y] = hint.series;
    const points = section.rows
      .map((r, i) => ({ value: [plotted(r.cells[x], cols[x].kind), plotted(r.cells[y], cols[y].kind)], name: categories[i], index: i }))
      .filter((p) => p.value[0] !== null && p.value[1] !== null)
      .slice(0, MAX_POINTS);
    return {
      ...base,
      grid: { left: 70, right: 24, top: 24, bottom: 48 },
      tooltip: {
        trigger: "item",
        formatter: (p: { name: string; value: [number, number] }) =>
          `${p.name}<br/>${cols[x].label}: ${tooltipValue(p.value[0], cols[x].kind, language)}<br/>${cols[y].label}: ${tooltipValue(p.value[1], cols[y].kind, language)}`,
      },
      xAxis: { type: "value", name: cols[x].label, nameLocation: "middle", nameGap: 28, axisLabel: { formatter: axisLabel(cols[x].kind, language) } },
      yAxis: { type: "value", name: cols[y].label, axisLabel: { formatter: axisLabel(cols[y].kind, language) } },
      series: [{ type: "scatter", symbolSize: 7, data: points }],
    };
  }

  const horizontal = hint.kind === "horizontalBar";
  const categoryAxis = { type: "category", data: categories, inverse: horizontal, axisLabel: { hideOverlap: true } };
  const valueAxis = (kind: ColumnKind) => ({ type: "value", axisLabel: { formatter: axisLabel(kind, language) } });
  const series = hint.series.map((s, i) => ({
    name: cols[s].label,
    type: hint.kind === "line" ? "line" : "bar",
    data: section.rows.map((r) => plotted(r.cells[s], cols[s].kind)),
    yAxisIndex: hint.secondary.includes(s) ? 1 : 0,
    symbol: ["circle", "rect", "triangle", "diamond"][i % 4],
    symbolSize: 6,
    lineStyle: { type: (["solid", "dashed", "dotted", "solid"] as const)[i % 4], width: 2 },
    barMaxWidth: 36,
  }));
  const secondaryKind = hint.secondary.length > 0 ? cols[hint.secondary[0]].kind : null;
  return {
    ...base,
    grid: { left: horizontal ? 140 : 70, right: secondaryKind ? 60 : 24, top: 32, bottom: horizontal ? 24 : 48, containLabel: false },
    legend: hint.series.length > 1 ? { top: 0, type: "scroll", itemGap: 18 } : undefined,
    tooltip: {
      trigger: "axis",
      axisPointer: { type: hint.kind === "line" ? "line" : "shadow" },
      valueFormatter: (v: unknown) => tooltipValue(v, seriesKind, language),
    },
    xAxis: horizontal ? valueAxis(seriesKind) : categoryAxis,
    yAxis: horizontal ? categoryAxis : secondaryKind ? [valueAxis(seriesKind), valueAxis(secondaryKind)] : valueAxis(seriesKind),
    series,
  };
}
