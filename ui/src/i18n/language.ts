//! Picks the UI language from the OS/browser locale; knows nothing of i18next or antd.
import type { Language } from "../api/bindings/Language";

export const LANGUAGES: ReadonlyArray<Language> = ["zh-CN", "zh-TW", "en"];

/** zh-TW / zh-HK / zh-MO / zh-Hant… → zh-TW, any other Chinese → zh-CN, everything else → en. */
export function detectLanguage(locale: string | null | undefined): Language {
  const tag = (locale ?? "").trim().toLowerCase().replace(/_/g, "-");
  if (tag === "zh" || tag.startsWith("zh-")) {
    const parts = tag.split("-");
    if (parts.includes("hant") || parts.includes("tw") || parts.includes("hk") || parts.includes("mo")) return "zh-TW";
    return "zh-CN";
  }
  return "en";
}

export function systemLanguage(): Language {
  return detectLanguage(typeof navigator === "undefined" ? null : navigator.language);
}

/** The UI language i18next is in, as the commands take it (anything unexpected reads as English). */
export function asLanguage(current: string | null | undefined): Language {
  return (LANGUAGES as ReadonlyArray<string>).includes(current ?? "") ? (current as Language) : "en";
}
