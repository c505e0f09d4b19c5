//! The controls above a report: the period (this month / quarter / year / last 12 months / custom), what
//! it is compared with, the time buckets, 签约额 or 回款额, the as-of day, and the customer filters.
import { DatePicker, Input, Segmented, Select, Space } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import type { Comparison } from "../../api/bindings/Comparison";
import type { Grain } from "../../api/bindings/Grain";
import type { Measure } from "../../api/bindings/Measure";
import type { ReportFilters } from "../../api/bindings/ReportFilters";
import type { ReportQuery } from "../../api/bindings/ReportQuery";
import { REGION_OPTIONS } from "../customers/regions";
import { presetRange, type Preset } from "./period";
import type { ReportScreen } from "./reportScreens";

type Props = {
  screen: Pick<ReportScreen, "period" | "compare" | "grain" | "measure" | "asOf">;
  query: ReportQuery;
  preset: Preset;
  onChange: (query: ReportQuery, preset: Preset) => void;
  filters?: boolean;
};

const PRESETS: Exclude<Preset, "custom">[] = ["month", "quarter", "year", "last12"];

export function ReportControls({ screen, query, preset, onChange, filters = true }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<ReportQuery>, p: Preset = preset) => onChange({ ...query, ...patch }, p);
  const setFilter = (patch: Partial<ReportFilters>) => set({ filters: { ...query.filters, ...patch } });
  const f = query.filters;
  return (
    <Space wrap className="report-controls" data-testid="report-controls">
      {screen.period && (
        <Segmented<Preset>
          value={preset}
          options={[...PRESETS, "custom" as const].map((p) => ({ value: p, label: <span data-testid={`period-${p}`}>{t(`reports.period.${p}`)}</span> }))}
          onChange={(p) => {
            if (p === "custom") set({}, "custom");
            else {
              const [from, to] = presetRange(p);
              set({ from, to }, p);
            }
          }}
        />
      )}
      {screen.period && preset === "custom" && (
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(query.from ?? undefined), dayjs(query.to ?? undefined)]}
          onChange={(range) => {
            if (range?.[0] && range[1]) set({ from: range[0].format("YYYY-MM-DD"), to: range[1].format("YYYY-MM-DD") }, "custom");
          }}
          data-testid="period-range"
        />
      )}
      {screen.compare && (
        <Select<Comparison>
          value={query.compare}
          style={{ width: 200 }}
          options={(["none", "previousPeriod", "previousYear"] as const).map((c) => ({ value: c, label: t(`reports.compare.${c}`) }))}
          onChange={(compare) => set({ compare })}
          data-testid="report-compare"
        />
      )}
      {screen.grain && (
        <Segmented<Grain>
          value={query.grain}
          options={(["month", "quarter", "year"] as const).map((g) => ({ value: g, label: t(`reports.grain.${g}`) }))}
          onChange={(grain) => set({ grain })}
        />
      )}
      {screen.measure && (
        <Segmented<Measure>
          value={query.measure}
          options={(["signed", "received"] as const).map((m) => ({ value: m, label: t(`reports.measure.${m}`) }))}
          onChange={(measure) => set({ measure })}
          data-testid="report-measure"
        />
      )}
      {screen.asOf && (
        <Space size={4}>
          <span>{t("reports.asOf")}</span>
          <DatePicker
            allowClear={false}
            value={query.asOf ? dayjs(query.asOf) : dayjs()}
            disabledDate={(d) => d.isAfter(dayjs(), "day")}
            onChange={(d) => d && set({ asOf: d.format("YYYY-MM-DD") })}
            data-testid="report-as-of"
          />
        </Space>
      )}
      {filters && (
        <>
          <Select
            allowClear
            showSearch
            placeholder={t("reports.filter.province")}
            style={{ width: 130 }}
            value={f.province ?? undefined}
            options={REGION_OPTIONS.map((r) => ({ value: r.value, label: r.label }))}
            onChange={(province) => setFilter({ province: province ?? null, city: null })}
            data-testid="filter-province"
          />
          <Input
            allowClear
            placeholder={t("reports.filter.industry")}
            style={{ width: 110 }}
            defaultValue={f.industry ?? ""}
            onBlur={(e) => setFilter({ industry: e.target.value.trim() || null })}
            onPressEnter={(e) => setFilter({ industry: e.currentTarget.value.trim() || null })}
          />
          <Input
            allowClear
            placeholder={t("reports.filter.source")}
            style={{ width: 110 }}
            defaultValue={f.source ?? ""}
            onBlur={(e) => setFilter({ source: e.target.value.trim() || null })}
            onPressEnter={(e) => setFilter({ source: e.currentTarget.value.trim() || null })}
          />
          <Select
            allowClear
            placeholder={t("reports.filter.level")}
            style={{ width: 110 }}
            value={f.level ?? undefined}
            options={(["a", "b", "c"] as const).map((l) => ({ value: l, label: t(`level.${l}`) }))}
            onChange={(level) => setFilter({ level: level ?? null })}
          />
          <Input
            allowClear
            placeholder={t("reports.filter.tag")}
            style={{ width: 100 }}
            defaultValue={f.tag ?? ""}
            onBlur={(e) => setFilter({ tag: e.target.value.trim() || null })}
            onPressEnter={(e) => setFilter({ tag: e.currentTarget.value.trim() || null })}
          />
        </>
      )}
    </Space>
  );
}
