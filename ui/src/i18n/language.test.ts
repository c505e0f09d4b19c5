import { describe, expect, it } from "vitest";
import { asLanguage, detectLanguage } from "./language";

describe("detectLanguage", () => {
  it("picks Traditional Chinese for Taiwan, Hong Kong, Macao and Hant locales", () => {
    for (const locale of ["zh-TW", "zh-HK", "zh-MO", "zh-Hant", "zh-Hant-TW", "zh_TW"]) {
      expect(detectLanguage(locale)).toBe("zh-TW");
    }
  });

  it("picks Simplified Chinese for every other Chinese locale", () => {
    for (const locale of ["zh", "zh-CN", "zh-SG", "zh-Hans", "zh-Hans-CN"]) {
      expect(detectLanguage(locale)).toBe("zh-CN");
    }
  });

  it("picks English for everything else, including an empty locale", () => {
    for (const locale of ["en-US", "de-DE", "ja-JP", "", null, undefined]) {
      expect(detectLanguage(locale)).toBe("en");
    }
  });
});

describe("asLanguage", () => {
  it("keeps the three UI languages and reads anything else as English", () => {
    expect(["zh-CN", "zh-TW", "en"].map(asLanguage)).toEqual(["zh-CN", "zh-TW", "en"]);
    expect([asLanguage("zh"), asLanguage("cimode"), asLanguage(undefined)]).toEqual(["en", "en", "en"]);
  });
});
