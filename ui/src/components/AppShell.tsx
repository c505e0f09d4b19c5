//! The main window: search (Ctrl+K), a left menu (today, customers, contacts, contracts, receivables,
//! products, duplicates, import, trash, settings) and the chosen screen.
import { useCallback, useState } from "react";
import { Button, Layout, Menu } from "antd";
import {
  AccountBookOutlined,
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
import { AppLogo } from "./AppLogo";

type Screen = "today" | "customers" | "contacts" | "contracts" | "receivables" | "products" | "duplicates" | "import" | "trash" | "settings";

export function AppShell() {
  const { t } = useTranslation();
  const [screen, setScreen] = useState<Screen>("customers");
  const [searching, setSearching] = useState(false);
  const [openRequest, setOpenRequest] = useState<OpenRequest | null>(null);
  useSearchShortcut(useCallback(() => setSearching(true), []));
  useDueNotifications();
  // Any screen can open a customer: go to the customer screen and show it there.
  const openCustomer = useCallback((id: number) => {
    setScreen("customers");
    setOpenRequest({ id, at: Date.now() });
  }, []);
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
        <Button className="shell-search" icon={<SearchOutlined />} onClick={() => setSearching(true)} data-testid="open-search">
          {t("search.title")} <span className="shortcut">{t("search.shortcut")}</span>
        </Button>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[screen]}
          onClick={({ key }) => setScreen(key as Screen)}
          items={[
            item("today", <CalendarOutlined />),
            item("customers", <TeamOutlined />),
            item("contacts", <ContactsOutlined />),
            item("contracts", <FileTextOutlined />),
            item("receivables", <AccountBookOutlined />),
            item("products", <ShoppingOutlined />),
            item("duplicates", <MergeCellsOutlined />),
            item("import", <ImportOutlined />),
            item("trash", <DeleteOutlined />),
            item("settings", <SettingOutlined />),
          ]}
        />
      </Layout.Sider>
      <Layout.Content className="shell-content">
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
