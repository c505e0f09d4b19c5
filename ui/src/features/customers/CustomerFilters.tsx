//! The filter bar above the customer list: status, level, tag and region (at any depth).
import { Button, Cascader, Select, Space } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { queryKeys } from "../../api/queryKeys";
import { LEVELS, STATUSES } from "./options";
import { REGION_OPTIONS, regionFields, regionPath } from "./regions";
import { DEFAULT_FILTER, type CustomerFilter } from "./useCustomerPages";

type Props = { filter: CustomerFilter; onChange: (filter: CustomerFilter) => void };

export function CustomerFilters({ filter, onChange }: Props) {
  const { t } = useTranslation();
  const tags = useQuery({ queryKey: queryKeys.tags, queryFn: api.listTags });
  const filtered = filter.status || filter.level || filter.tag || filter.province;

  return (
    <Space wrap className="filter-bar">
      <Select
        allowClear
        className="filter-select"
        placeholder={t("customers.filterStatus")}
        value={filter.status ?? undefined}
        onChange={(status) => onChange({ ...filter, status: status ?? null })}
        options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        data-testid="filter-status"
      />
      <Select
        allowClear
        className="filter-select"
        placeholder={t("customers.filterLevel")}
        value={filter.level ?? undefined}
        onChange={(level) => onChange({ ...filter, level: level ?? null })}
        options={LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))}
        data-testid="filter-level"
      />
      <Select
        allowClear
        showSearch
        className="filter-select"
        placeholder={t("customers.filterTag")}
        value={filter.tag ?? undefined}
        loading={tags.isPending}
        onChange={(tag) => onChange({ ...filter, tag: tag ?? null })}
        options={(tags.data ?? []).map((tag) => ({ value: tag, label: tag }))}
        data-testid="filter-tag"
      />
      <Cascader
        changeOnSelect
        showSearch
        className="filter-region"
        placeholder={t("customers.filterRegion")}
        options={REGION_OPTIONS}
        value={regionPath(filter)}
        onChange={(path) => onChange({ ...filter, ...regionFields(path as string[] | undefined) })}
        data-testid="filter-region"
      />
      {filtered && (
        <Button type="link" onClick={() => onChange({ ...DEFAULT_FILTER, sort: filter.sort, direction: filter.direction })}>
          {t("customers.clearFilters")}
        </Button>
      )}
    </Space>
  );
}
