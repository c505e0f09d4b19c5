//! The centered card every unlock / first-run screen sits in, with the error or problem shown on top.
import type { ReactNode } from "react";
import { Alert, Card, Typography } from "antd";
import { LockOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { AppError } from "../../api/bindings/AppError";
import { PageTitle } from "../../components/PageTitle";
import { errorText } from "../../i18n/errorText";

type Props = { title: string; intro: string; error: AppError | null; children: ReactNode };

export function UnlockCard({ title, intro, error, children }: Props) {
  const { t } = useTranslation();
  return (
    <div className="center-screen unlock-screen">
      <Card className="unlock-card">
        <div className="unlock-brand">
          <LockOutlined />
          <span>{t("app.name")}</span>
        </div>
        <PageTitle>{title}</PageTitle>
        <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>
        {error && (
          <Alert
            type="error"
            showIcon
            className="unlock-alert"
            message={<span data-testid="unlock-error">{errorText(t, error)}</span>}
          />
        )}
        {children}
      </Card>
    </div>
  );
}
