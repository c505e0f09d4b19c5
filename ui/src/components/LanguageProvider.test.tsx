import { describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { mockIPC } from "@tauri-apps/api/mocks";
import { QueryClientProvider } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { createQueryClient } from "../App";
import type { Settings } from "../api/bindings/Settings";
import { SettingsPage } from "../features/settings/SettingsPage";
import { LanguageProvider } from "./LanguageProvider";

function NavLabel() {
  const { t } = useTranslation();
  return <span data-testid="probe">{t("nav.trash")}</span>;
}

function renderApp() {
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <LanguageProvider>
        <NavLabel />
        <SettingsPage />
      </LanguageProvider>
    </QueryClientProvider>,
  );
}

describe("LanguageProvider", () => {
  it("starts in the saved language and persists a switch made in Settings, keeping the other settings", async () => {
    const saved: Settings[] = [];
    const others = {
      reminders: { aheadDays: 14, dormantDays: 30, notify: false, installmentDaysBefore: 5, contractEndDaysBefore: 45 },
      closeToTray: true,
      contractNumberRule: "HT-{YYYY}-{0000}",
    };
    mockIPC((cmd, args) => {
      if (cmd === "get_settings") return { language: "zh-TW", ...others };
      if (cmd === "set_settings") {
        saved.push((args as { settings: Settings }).settings);
        return (args as { settings: Settings }).settings;
      }
      if (cmd === "store_status") return { state: "open", dataDir: "/home/me/.crm", keySource: "keychain", problem: null };
      throw new Error(cmd);
    });
    renderApp();
    expect(await screen.findByTestId("probe")).toHaveTextContent("資源回收筒");
    expect(await screen.findByTestId("settings-data-dir")).toHaveTextContent("/home/me/.crm");

    fireEvent.click(screen.getByTestId("lang-en"));
    await waitFor(() => expect(screen.getByTestId("probe")).toHaveTextContent("Trash"));
    expect(screen.getByTestId("page-title")).toHaveTextContent("Settings");
    expect(await screen.findByText("Language changed")).toBeInTheDocument();
    await waitFor(() => expect(saved).toEqual([{ language: "en", ...others }]));
  });

  it("follows the browser language when no language was saved", async () => {
    mockIPC((cmd) => {
      if (cmd === "get_settings") return { language: null };
      if (cmd === "store_status") return { state: "open", dataDir: "/d", keySource: null, problem: null };
      throw new Error(cmd);
    });
    // jsdom reports navigator.language as en-US
    renderApp();
    expect(await screen.findByTestId("probe")).toHaveTextContent("Trash");
  });
});
