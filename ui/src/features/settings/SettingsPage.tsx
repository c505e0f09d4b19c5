//! Settings: language, reminders, contract numbering, the analysis thresholds, recovery key export, integrity check and where the data lives.
import { App, Card, Descriptions, Radio, Space, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import type { Language } from "../../api/bindings/Language";
import { useLanguage } from "../../components/LanguageProvider";
import { PageTitle } from "../../components/PageTitle";
import { queryKeys } from "../../api/queryKeys";
import { LANGUAGES } from "../../i18n/language";
import { errorText } from "../../i18n/errorText";
import { IntegrityCheck } from "./IntegrityCheck";
import { RecoveryKeyExport } from "./RecoveryKeyExport";
import { ReminderSettings } from "./ReminderSettings";
import { ContractNumberSettings } from "./ContractNumberSettings";
import { ReportSettings } from "./ReportSettings";

export function SettingsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { language, setLanguage } = useLanguage();
  const status = useQuery({ queryKey: queryKeys.storeStatus, queryFn: api.storeStatus, staleTime: Infinity });

  const choose = (next: Language) => {
    // Speak in the new language: `t` of this render is still bound to the old one.
    const tNext = i18n.getFixedT(next);
    setLanguage(next).then(
      () => void message.success(tNext("settings.languageSaved")),
      (err: AppError) => void message.error(errorText(tNext, err)),
    );
  };

  return (
    <div className="page page-scroll">
      <div className="page-header">
        <PageTitle>{t("settings.title")}</PageTitle>
      </div>
      <Space direction="vertical" size="large" className="settings-stack">
        <Card title={t("settings.language")}>
          <div data-testid="settings-language">
            <Radio.Group value={language} onChange={(e) => choose(e.target.value as Language)} optionType="button" buttonStyle="solid">
              {LANGUAGES.map((lang) => (
                <Radio.Button key={lang} value={lang}>
                  <span data-testid={`lang-${lang}`}>{t(`languages.${lang}`)}</span>
                </Radio.Button>
              ))}
            </Radio.Group>
          </div>
        </Card>
        <Card title={t("settings.reminders")}>
          <ReminderSettings />
        </Card>
        <Card title={t("contractNumbering.title")}>
          <ContractNumberSettings />
        </Card>
        <Card title={t("settings.reportSettings")}>
          <ReportSettings />
        </Card>
        <Card title={t("settings.security")}>
          <RecoveryKeyExport />
        </Card>
        <Card title={t("settings.integrity")}>
          <IntegrityCheck />
        </Card>
        {status.data && (
          <Card>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t("settings.dataDir")}>
                <Typography.Text copyable className="mono" data-testid="settings-data-dir">
                  {status.data.dataDir}
                </Typography.Text>
              </Descriptions.Item>
              {status.data.keySource && (
                <Descriptions.Item label={t("settings.keySource")}>
                  {t(`settings.keySources.${status.data.keySource}`)}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
        )}
      </Space>
    </div>
  );
}
