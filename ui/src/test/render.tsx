import type { ReactElement, ReactNode } from "react";
import { render } from "@testing-library/react";
import { App as AntApp, ConfigProvider } from "antd";
import antdZhCN from "antd/locale/zh_CN";
import { QueryClientProvider } from "@tanstack/react-query";
import { createQueryClient } from "../App";
import i18n from "../i18n";

export function Providers({ children }: { children: ReactNode }) {
  const client = createQueryClient();
  return (
    <QueryClientProvider client={client}>
      <ConfigProvider locale={antdZhCN}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}

export async function renderInChinese(ui: ReactElement) {
  await i18n.changeLanguage("zh-CN");
  return render(ui, { wrapper: Providers });
}
