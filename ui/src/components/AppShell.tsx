//! The main window: a left menu (customers, trash, settings) and the chosen screen.
import { useState } from "react";
import { Layout, Menu } from "antd";
import { DeleteOutlined, SettingOutlined, TeamOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { CustomerList } from "../features/customers/CustomerList";
import { SettingsPage } from "../features/settings/SettingsPage";
import { TrashList } from "../features/trash/TrashList";
import { AppLogo } from "./AppLogo";

type Screen = "customers" | "trash" | "settings";

export function AppShell() {
  const { t } = useTranslation();
  const [screen, setScreen] = useState<Screen>("customers");
  const item = (key: Screen, icon: React.ReactNode) => ({
    key,
    icon,
    label: <span data-testid={`nav-${key}`}>{t(`nav.${key}`)}</span>,
  });

  return (
    <Layout className="shell">
      <Layout.Sider width={200} className="shell-sider">
        <div className="brand">
          <AppLogo size={28} />
          <span className="brand-name">{t("app.name")}</span>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[screen]}
          onClick={({ key }) => setScreen(key as Screen)}
          items={[item("customers", <TeamOutlined />), item("trash", <DeleteOutlined />), item("settings", <SettingOutlined />)]}
        />
      </Layout.Sider>
      <Layout.Content className="shell-content">
        {screen === "customers" && <CustomerList />}
        {screen === "trash" && <TrashList />}
        {screen === "settings" && <SettingsPage />}
      </Layout.Content>
    </Layout>
  );
}
