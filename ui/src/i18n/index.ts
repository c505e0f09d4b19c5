//! i18next set-up: resources for zh-CN, zh-TW and en, and switching languages everywhere at once.
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import "dayjs/locale/zh-tw";
import "dayjs/locale/en";
import type { Language } from "../api/bindings/Language";
import { en } from "./en";
import { systemLanguage } from "./language";
import { zhCN } from "./zh-CN";
import { zhTW } from "./zh-TW";

export const resources = {
  "zh-CN": { translation: zhCN },
  "zh-TW": { translation: zhTW },
  en: { translation: en },
} as const;

const DAYJS_LOCALE: Record<Language, string> = { "zh-CN": "zh-cn", "zh-TW": "zh-tw", en: "en" };

void i18n.use(initReactI18next).init({
  resources,
  lng: systemLanguage(),
  fallbackLng: "en",
  supportedLngs: ["zh-CN", "zh-TW", "en"],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

/** Switches i18next and dayjs; the antd locale follows through LanguageProvider. */
export async function applyLanguage(language: Language): Promise<void> {
  dayjs.locale(DAYJS_LOCALE[language]);
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}

export default i18n;
