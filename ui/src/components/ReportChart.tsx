//! The one chart every report draws with: ECharts (only the charts and components used, drawn as SVG so
//! it prints sharply), sized to its box, a click telling which row was picked.
import { useEffect, useRef } from "react";
import { BarChart, FunnelChart, LineChart, PieChart, ScatterChart } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useTranslation } from "react-i18next";
import type { Section } from "../api/bindings/Section";
import { chartOption } from "./chartOption";

echarts.use([BarChart, FunnelChart, LineChart, PieChart, ScatterChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type Props = { section: Section; height?: number; onPick?: (rowIndex: number) => void };

export function ReportChart({ section, height = 300, onPick }: Props) {
  const { i18n } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: "svg" });
    chart.on("click", (p) => {
      const index = (p.data as { index?: number } | undefined)?.index ?? p.dataIndex;
      if (typeof index === "number") pick.current?.(index);
    });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, []);
  useEffect(() => {
    const el = box.current;
    const chart = el ? echarts.getInstanceByDom(el) : undefined;
    const option = chartOption(section, i18n.language);
    if (chart && option) chart.setOption(option, true);
  }, [section, i18n.language]);
  return <div ref={box} className="report-chart" style={{ height }} data-testid={`chart-${section.key}`} />;
}
