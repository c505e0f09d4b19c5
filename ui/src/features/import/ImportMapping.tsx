//! Which field each column of the file fills, and the file's first rows under their headers.
import { Select, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ImportPreview } from "../../api/bindings/ImportPreview";
import { applyMapping, type Mapping } from "./mappingState";

/** The Select value of "不导入" (a Select cannot hold null). */
const SKIP = "__skip__";

type Props = {
  preview: ImportPreview;
  mapping: Mapping;
  onChange: (mapping: Array<string | null>) => void;
  disabled?: boolean;
};

export function ImportMapping({ preview, mapping, onChange, disabled = false }: Props) {
  const { t } = useTranslation();
  const options = [
    { value: SKIP, label: t("import.skip") },
    ...preview.fields.map((f) => ({ value: f.key, label: f.label })),
  ];
  const label = (key: string | null) => preview.fields.find((f) => f.key === key)?.label;
  const header = (i: number) => preview.headers[i] || t("common.none");
  const columns = preview.headers.map((_, i) => i);

  return (
    <>
      <Typography.Title level={5}>{t("import.mapping")}</Typography.Title>
      <Table<number>
        size="small"
        pagination={false}
        rowKey={(i) => i}
        dataSource={columns}
        data-testid="import-mapping"
        columns={[
          { key: "column", title: t("import.column"), render: (_, i) => <span data-testid={`column-${i}`}>{header(i)}</span> },
          {
            key: "target",
            title: t("import.target"),
            width: 260,
            render: (_, i) => (
              <Select
                className="import-target"
                showSearch
                optionFilterProp="label"
                disabled={disabled}
                value={mapping[i] ?? SKIP}
                options={options}
                onChange={(value: string) => onChange(applyMapping(mapping, i, value === SKIP ? null : value))}
                data-testid={`map-${i}`}
              />
            ),
          },
          {
            key: "sample",
            title: t("import.sample"),
            render: (_, i) => <Typography.Text type="secondary">{preview.rows[0]?.[i] ?? ""}</Typography.Text>,
          },
        ]}
      />
      {preview.rows.length > 0 && (
        <>
          <Typography.Title level={5} className="import-section">
            {t("import.preview", { count: preview.rows.length })}
          </Typography.Title>
          <Table<{ key: number; cells: string[] }>
            size="small"
            pagination={false}
            scroll={{ x: "max-content" }}
            rowKey="key"
            dataSource={preview.rows.map((cells, key) => ({ key, cells }))}
            data-testid="import-preview"
            columns={columns.map((i) => ({
              key: String(i),
              className: mapping[i] ? undefined : "import-skipped",
              title: (
                <>
                  {header(i)}
                  {mapping[i] && <div className="import-mapped-to">→ {label(mapping[i])}</div>}
                </>
              ),
              render: (_: unknown, row: { cells: string[] }) => row.cells[i] ?? "",
            }))}
          />
        </>
      )}
    </>
  );
}
