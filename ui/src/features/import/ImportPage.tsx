//! 导入: pick a spreadsheet, check how its columns map, dry-run, import, and revert from the history.
import { useState } from "react";
import { Alert, App, Button, Card, Checkbox, Progress, Radio, Space, Typography } from "antd";
import { DownloadOutlined, ExperimentOutlined, FolderOpenOutlined, ImportOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import type { RecordKind } from "../../api/bindings/RecordKind";

/** The kinds with a sheet of their own (documents come one file at a time). */
type Entity = Exclude<RecordKind, "documents">;
import type { ExportProgress } from "../../api/bindings/ExportProgress";
import type { ImportMode } from "../../api/bindings/ImportMode";
import type { ImportPreview } from "../../api/bindings/ImportPreview";
import type { ImportReport } from "../../api/bindings/ImportReport";
import type { MatchKey } from "../../api/bindings/MatchKey";
import { PageTitle } from "../../components/PageTitle";
import { errorText } from "../../i18n/errorText";
import { asLanguage } from "../../i18n/language";
import { defaultFileName, type FileKind } from "../export/exportPlan";
import { ImportHistory } from "./ImportHistory";
import { ImportMapping } from "./ImportMapping";
import { ImportResult } from "./ImportResult";
import { mappingWarnings, missingNeeded } from "./mappingState";
import { useRunImport } from "./useImport";

const MODES: ImportMode[] = ["create", "update", "upsert"];
const MATCH_KEYS: MatchKey[] = ["uscc", "name", "mobile"];
const DEFAULT_MATCH_KEYS: MatchKey[] = ["uscc", "name"];
/** Every record type, in the order a book is usually built up: who, what is sold, what was agreed, paid. */
const ENTITIES: Entity[] = ["customers", "contacts", "products", "contracts", "installments", "receipts", "followUps"];
const TEMPLATE_FILE = {
  customers: "template",
  contacts: "contactTemplate",
  products: "productTemplate",
  contracts: "contractTemplate",
  installments: "installmentTemplate",
  receipts: "receiptTemplate",
  followUps: "followUpTemplate",
} as const satisfies Record<Entity, FileKind>;
/** How rows find the records they update, for every type but customers (whose match keys are chosen). */
const MATCH_NOTE = {
  contacts: "contactMatch",
  products: "productMatch",
  contracts: "contractMatch",
  installments: "installmentMatch",
  receipts: "receiptMatch",
  followUps: "followUpMatch",
} as const satisfies Record<Exclude<Entity, "customers">, string>;

export function ImportPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const language = asLanguage(i18n.language);
  const [entity, setEntity] = useState<Entity>("customers");
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMappingState] = useState<Array<string | null>>([]);
  const [mode, setModeState] = useState<ImportMode>("create");
  const [matchKeys, setMatchKeysState] = useState<MatchKey[]>(DEFAULT_MATCH_KEYS);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [progress, setProgress] = useState<ExportProgress | null>(null);

  // A dry run's result no longer says what an import would do once its settings change.
  const dropDryRun = () => setReport((r) => (r?.dryRun ? null : r));
  const setMapping = (next: Array<string | null>) => {
    setMappingState(next);
    dropDryRun();
  };
  const setMode = (next: ImportMode) => {
    setModeState(next);
    dropDryRun();
  };
  const setMatchKeys = (next: MatchKey[]) => {
    setMatchKeysState(next);
    dropDryRun();
  };

  const inspect = useMutation<ImportPreview | null, AppError>({
    mutationFn: async () => {
      const path = await api.pickImportFile();
      return path ? api.inspectImport(path, entity, language) : null;
    },
    onSuccess: (next) => {
      if (!next) return;
      setPreview(next);
      setMappingState(next.mapping);
      // Receipts and follow-ups are only added: a mode the record type has not falls back to create.
      setModeState((m) => (next.modes.includes(m) ? m : "create"));
      setReport(null);
    },
    onError: () => {
      setPreview(null);
      setReport(null);
    },
  });

  const template = useMutation<string | null, AppError>({
    mutationFn: async () => {
      const path = await api.pickSavePath(defaultFileName(t, TEMPLATE_FILE[entity], "xlsx"));
      if (path) await api.saveImportTemplate(entity, path, language);
      return path;
    },
    onSuccess: (path) => {
      if (path) void message.success(t("import.templateSaved", { path }));
    },
    onError: (err) => void message.error(errorText(t, err)),
  });

  const saveRejects = useMutation<string | null, AppError, number>({
    mutationFn: async (id) => {
      const path = await api.pickSavePath(defaultFileName(t, "rejects", "xlsx"));
      if (path) await api.saveImportRejects(id, path, language);
      return path;
    },
    onSuccess: (path) => {
      if (path) void message.success(t("import.rejectsSaved", { path }));
    },
    onError: (err) => void message.error(errorText(t, err)),
  });

  const run = useRunImport(setProgress);
  const running = run.isPending;
  const forCustomers = preview?.entity === "customers";
  const warnings = preview ? mappingWarnings(mapping, mode, matchKeys, preview.needed) : [];
  // The needed columns still without one, by their headers: "合同编号、应收日期", a set as "产品名称 / 编码".
  const labelOf = (key: string) => preview?.fields.find((f) => f.key === key)?.label ?? key;
  const missing = preview
    ? missingNeeded(mapping, preview.needed)
        .map((anyOf) => anyOf.map(labelOf).join(" / "))
        .join(t("import.listSeparator"))
    : "";
  const blocked = running || warnings.length > 0;
  const start = (dryRun: boolean) => {
    if (!preview || blocked) return;
    setProgress(null);
    setReport(null);
    run.mutate(
      { path: preview.path, entity: preview.entity, mapping, mode, matchKeys, dryRun },
      {
        onSuccess: setReport,
        onError: (err) => void message.error(`${t("import.failed")}: ${errorText(t, err)}`),
        onSettled: () => setProgress(null),
      },
    );
  };

  const percent = progress && progress.total > 0 ? Math.min(100, Math.floor((progress.done * 100) / progress.total)) : 0;

  return (
    <div className="page page-scroll">
      <div className="page-header">
        <PageTitle>{t("import.title")}</PageTitle>
      </div>
      <Space direction="vertical" size="middle" className="import-stack">
        <Card>
          <Space direction="vertical" className="full-width">
            <Typography.Text type="secondary">{t("import.intro")}</Typography.Text>
            <Radio.Group
              value={entity}
              disabled={running}
              optionType="button"
              onChange={(e) => {
                setEntity(e.target.value as Entity);
                setPreview(null);
                setReport(null);
              }}
            >
              {ENTITIES.map((e) => (
                <Radio.Button key={e} value={e}>
                  <span data-testid={`import-entity-${e}`}>{t(`import.entities.${e}`)}</span>
                </Radio.Button>
              ))}
            </Radio.Group>
            <Space wrap>
              <Button type="primary" icon={<FolderOpenOutlined />} loading={inspect.isPending} disabled={running} onClick={() => inspect.mutate()} data-testid="import-pick">
                {t("import.pick")}
              </Button>
              <Button icon={<DownloadOutlined />} loading={template.isPending} onClick={() => template.mutate()} data-testid="import-template">
                {t("import.template")}
              </Button>
            </Space>
            {inspect.isError && (
              <Alert type="error" showIcon message={t("import.readFailed")} description={errorText(t, inspect.error)} data-testid="import-error" />
            )}
          </Space>
        </Card>

        {preview && (
          <Card
            title={
              <Space wrap size="middle">
                <span data-testid="import-file">{preview.fileName}</span>
                {preview.sheet && <Typography.Text type="secondary">{t("import.sheet", { sheet: preview.sheet })}</Typography.Text>}
                {preview.encoding && <Typography.Text type="secondary">{t("import.encoding", { encoding: preview.encoding })}</Typography.Text>}
                <Typography.Text type="secondary" data-testid="import-rows-info">
                  {t("import.rowsInfo", { total: preview.totalRows.toLocaleString(i18n.language), row: preview.headerRow })}
                </Typography.Text>
              </Space>
            }
          >
            <ImportMapping preview={preview} mapping={mapping} onChange={setMapping} disabled={running} />
            <div className="import-options">
              <div className="import-option">
                <Typography.Text strong>{t("import.mode")}</Typography.Text>
                <Radio.Group value={mode} disabled={running} onChange={(e) => setMode(e.target.value as ImportMode)}>
                  {MODES.filter((m) => preview.modes.includes(m)).map((m) => (
                    <Radio key={m} value={m}>
                      <span data-testid={`mode-${m}`}>{t(`import.modes.${m}`)}</span>
                    </Radio>
                  ))}
                </Radio.Group>
              </div>
              {forCustomers && <div className="import-option">
                <Typography.Text strong>{t("import.matchBy")}</Typography.Text>
                <Checkbox.Group value={matchKeys} disabled={running} onChange={(keys) => setMatchKeys(MATCH_KEYS.filter((k) => keys.includes(k)))}>
                  {MATCH_KEYS.map((k) => (
                    <Checkbox key={k} value={k}>
                      <span data-testid={`match-${k}`}>{t(`import.matchKeys.${k}`)}</span>
                    </Checkbox>
                  ))}
                </Checkbox.Group>
              </div>}
              {preview.entity !== "customers" && (
                <Typography.Text type="secondary" data-testid="import-match-note">{t(`import.${MATCH_NOTE[preview.entity as keyof typeof MATCH_NOTE]}`)}</Typography.Text>
              )}
            </div>
            {warnings.map((w) => (
              <Alert key={w} type="warning" showIcon className="import-warning" message={t(`import.${w}`, { fields: missing })} data-testid={`import-warning-${w}`} />
            ))}
            <Space wrap>
              <Button icon={<ExperimentOutlined />} disabled={blocked} loading={running && run.variables?.dryRun} onClick={() => start(true)} data-testid="import-dry-run">
                {t("import.dryRun")}
              </Button>
              <Button type="primary" icon={<ImportOutlined />} disabled={blocked} loading={running && !run.variables?.dryRun} onClick={() => start(false)} data-testid="import-run">
                {t("import.run")}
              </Button>
            </Space>
            {running && (
              <div className="import-progress" data-testid="import-progress">
                <Progress percent={percent} status="active" />
                {progress && progress.total > 0 && (
                  <Typography.Text type="secondary" data-testid="import-progress-text">
                    {progress.done >= progress.total
                      ? t("import.finishing")
                      : t("import.progress", { done: progress.done.toLocaleString(i18n.language), total: progress.total.toLocaleString(i18n.language) })}
                  </Typography.Text>
                )}
              </div>
            )}
          </Card>
        )}

        {report && preview && (
          <Card>
            <ImportResult report={report} fields={preview.fields} saving={saveRejects.isPending} onSaveRejects={(id) => saveRejects.mutate(id)} />
          </Card>
        )}

        <Card>
          <ImportHistory />
        </Card>
      </Space>
    </div>
  );
}
