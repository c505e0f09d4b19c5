//! Shows the main app once the store is open, otherwise the screen that opens it.
import { useState, type ReactNode } from "react";
import { Button, Result, Spin } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import { queryKeys } from "../../api/queryKeys";
import { errorText } from "../../i18n/errorText";
import { EnterPassphrase } from "./EnterPassphrase";
import { EnterRecoveryKey } from "./EnterRecoveryKey";
import { OpenFailed } from "./OpenFailed";
import { SetPassphrase } from "./SetPassphrase";

export function StoreGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [preferRecoveryKey, setPreferRecoveryKey] = useState(false);
  const status = useQuery({ queryKey: queryKeys.storeStatus, queryFn: api.storeStatus, staleTime: Infinity, retry: false });

  if (status.isPending) {
    return (
      <div className="center-screen">
        <Spin size="large" tip={t("store.loading")}>
          <div className="spin-space" />
        </Spin>
      </div>
    );
  }
  if (status.isError) {
    return (
      <div className="center-screen">
        <Result
          status="error"
          title={t("store.statusFailed")}
          subTitle={<span data-testid="unlock-error">{errorText(t, status.error as unknown as AppError)}</span>}
          extra={<Button onClick={() => void status.refetch()}>{t("common.retry")}</Button>}
        />
      </div>
    );
  }
  const current = status.data;
  switch (current.state) {
    case "open":
      return <>{children}</>;
    case "needsNewPassphrase":
      return <SetPassphrase status={current} />;
    case "failed":
      return <OpenFailed status={current} />;
    case "needsRecoveryKey":
      return <EnterRecoveryKey status={current} onUsePassphrase={null} />;
    case "needsPassphrase":
      return preferRecoveryKey ? (
        <EnterRecoveryKey status={current} onUsePassphrase={() => setPreferRecoveryKey(false)} />
      ) : (
        <EnterPassphrase status={current} onUseRecoveryKey={() => setPreferRecoveryKey(true)} />
      );
  }
}
