//! Shown when the store cannot be opened at all (in use elsewhere, damaged, from a newer version): says why,
//! changes nothing, and offers to try again.
import { Button } from "antd";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api, toAppError } from "../../api/client";
import type { StoreStatus } from "../../api/bindings/StoreStatus";
import { queryKeys } from "../../api/queryKeys";
import { UnlockCard } from "./UnlockCard";

export function OpenFailed({ status }: { status: StoreStatus }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const retry = useMutation({
    mutationFn: api.retryOpenStore,
    onSuccess: (next) => client.setQueryData(queryKeys.storeStatus, next),
  });
  const error = retry.error ? toAppError(retry.error) : (retry.data?.problem ?? status.problem);
  return (
    <UnlockCard title={t("store.failedTitle")} intro={t("store.failedIntro")} error={error}>
      <Button type="primary" block loading={retry.isPending} onClick={() => retry.mutate()} data-testid="store-retry">
        {t("common.retry")}
      </Button>
    </UnlockCard>
  );
}
