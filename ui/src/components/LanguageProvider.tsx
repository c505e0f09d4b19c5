//! Holds the chosen language: reads it from settings at start, applies it to i18next, dayjs and antd.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { App as AntApp, ConfigProvider, Spin } from "antd";
import type { Locale } from "antd/es/locale";
import antdEnUS from "antd/locale/en_US";
import antdZhCN from "antd/locale/zh_CN";
import antdZhTW from "antd/locale/zh_TW";
import { api } from "../api/client";
import type { Language } from "../api/bindings/Language";
import { applyLanguage } from "../i18n";
import { systemLanguage } from "../i18n/language";
import { theme } from "./theme";

const ANTD_LOCALE: Record<Language, Locale> = { "zh-CN": antdZhCN, "zh-TW": antdZhTW, en: antdEnUS };

type LanguageContextValue = { language: Language; setLanguage: (language: Language) => Promise<void> };

const LanguageContext = createContext<LanguageContextValue>({
  language: "en",
  setLanguage: async () => undefined,
});

export function useLanguage(): LanguageContextValue {
  return useContext(LanguageContext);
}

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setCurrent] = useState<Language | null>(null);

  useEffect(() => {
    let cancelled = false;
    const start = async () => {
      let chosen = systemLanguage();
      try {
        chosen = (await api.getSettings()).language ?? chosen;
      } catch {
        // Settings unreadable (e.g. store still locked): follow the OS until the user chooses.
      }
      await applyLanguage(chosen);
      if (!cancelled) setCurrent(chosen);
    };
    void start();
    return () => {
      cancelled = true;
    };
  }, []);

  const setLanguage = useCallback(async (next: Language) => {
    await applyLanguage(next);
    setCurrent(next);
    // Only the language changes: the other settings are read and written back as they are.
    await api.setSettings({ ...(await api.getSettings()), language: next });
  }, []);

  const value = useMemo(() => ({ language: language ?? "en", setLanguage }), [language, setLanguage]);

  if (language === null) {
    return (
      <div className="center-screen">
        <Spin size="large" />
      </div>
    );
  }
  return (
    <LanguageContext.Provider value={value}>
      <ConfigProvider locale={ANTD_LOCALE[language]} theme={theme}>
        <AntApp className="app-root">{children}</AntApp>
      </ConfigProvider>
    </LanguageContext.Provider>
  );
}
