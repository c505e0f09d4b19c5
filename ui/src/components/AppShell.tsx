//! The main window: search (Ctrl+K), a left menu grouped by the product's areas (the overview and Today;
//! 客户; 销售; 分析 with every report; 工具) and the chosen screen. The app opens on the overview.
import { useCallback, useState } from "react";
import { Button, Layout, Menu } from "antd";
import {
  AccountBookOutlined,
  BarChartOutlined,
  DashboardOutlined,
  CalendarOutlined,
  ContactsOutlined,
  DeleteOutlined,
  FileTextOutlined,
  ImportOutlined,
  MergeCellsOutlined,
  SearchOutlined,
  SettingOutlined,
  ShoppingOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { ContactList } from "../features/contacts/ContactList";
import { ContractList } from "../features/contracts/ContractList";
import { CustomerList, type OpenRequest } from "../features/customers/CustomerList";
import { ImportPage } from "../features/import/ImportPage";
import { DuplicatesPage } from "../features/merge/DuplicatesPage";
import { ProductList } from "../features/products/ProductList";
import { ReceivablesPage } from "../features/receivables/ReceivablesPage";
import { SearchPalette, useSearchShortcut } from "../features/search/SearchPalette";
import { TodayPage } from "../features/today/TodayPage";
import { useDueNotifications } from "../features/today/useDueNotifications";
import { SettingsPage } from "../features/settings/SettingsPage";
import { TrashList } from "../features/trash/TrashList";
import { DashboardPage } from "../features/reports/DashboardPage";
import { ReportPage } from "../features/reports/ReportPage";
import { REPORT_SCREENS } from "../features/reports/reportScreens";
import { AppLogo } from "./AppLogo";

type Screen = string;

export function AppShell() {
  const { t } = useTranslation();
  const [screen, setScreen] = useState<Screen>("dashboard");
  const [searching, setSearching] = useState(false);
  const [openRequest, setOpenRequest] = useState<OpenRequest | null>(null);
  useSearchShortcut(useCallback(() => setSearching(true), []));
  useDueNotifications();
  // Any screen can open a customer: go to the customer screen and show it there.
  const openCustomer = useCallback((id: number) => {
    setScreen("customers");
    setOpenRequest({ id, at: Date.now() });
  }, []);
  const item = (key: Screen, icon?: React.ReactNode) => ({
    key,
    icon,
    label: <span data-testid={`nav-${key}`}>{t(`nav.${key}` as "nav.today")}</span>,
  });
  const group = (key: "customer" | "sales" | "tools", children: ReturnType<typeof item>[]) => ({
    key: `group-${key}`,
    type: "group" as const,
    label: t(`navGroups.${key}`),
    children,
  });
  const reportScreen = REPORT_SCREENS.find((r) => r.key === screen);

  return (
    <Layout className="shell">
      <Layout.Sider width={200} className="shell-sider">
        <div className="brand">
          <AppLogo size={28} />
          <span className="brand-name">{t("app.name")}</span>
        </div>
        <Button className="shell-search" icon={<SearchOutlined />} onClick={() => setSearching(true)} data-testid="open-search">
          {t("search.title")} <span className="shortcut">{t("search.shortcut")}</span>
        </Button>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[screen]}
          onClick={({ key }) => setScreen(key as Screen)}
          defaultOpenKeys={reportScreen ? ["analysis"] : []}
          items={[
            item("dashboard", <DashboardOutlined />),
            item("today", <CalendarOutlined />),
            group("customer", [item("customers", <TeamOutlined />), item("contacts", <ContactsOutlined />), item("duplicates", <MergeCellsOutlined />)]),
            group("sales", [item("contracts", <FileTextOutlined />), item("receivables", <AccountBookOutlined />), item("products", <ShoppingOutlined />)]),
            {
              key: "analysis",
              icon: <BarChartOutlined />,
              label: <span data-testid="nav-analysis">{t("navGroups.analysis")}</span>,
              children: REPORT_SCREENS.map((r) => item(r.key)),
            },
            group("tools", [item("import", <ImportOutlined />), item("trash", <DeleteOutlined />), item("settings", <SettingOutlined />)]),
          ]}
        />
      </Layout.Sider>
      <Layout.Content className="shell-content">
        {screen === "dashboard" && <DashboardPage onOpenCustomer={openCustomer} onNavigate={setScreen} />}
        {reportScreen && <ReportPage key={reportScreen.key} screen={reportScreen} onOpenCustomer={openCustomer} />}
        {screen === "today" && <TodayPage onOpenCustomer={openCustomer} />}
        {screen === "customers" && <CustomerList openRequest={openRequest} />}
        {screen === "contacts" && <ContactList onOpenCustomer={openCustomer} />}
        {screen === "contracts" && <ContractList onOpenCustomer={openCustomer} />}
        {screen === "receivables" && <ReceivablesPage onOpenCustomer={openCustomer} />}
        {screen === "products" && <ProductList />}
        {screen === "duplicates" && <DuplicatesPage onOpenCustomer={openCustomer} />}
        {screen === "import" && <ImportPage />}
        {screen === "trash" && <TrashList />}
        {screen === "settings" && <SettingsPage />}
      </Layout.Content>
      <SearchPalette open={searching} onClose={() => setSearching(false)} onOpenCustomer={openCustomer} />
    </Layout>
  );
}
