//! The antd design tokens of the app: a deep blue primary and fonts that cover Chinese on every OS.
import type { ThemeConfig } from "antd";

export const theme: ThemeConfig = {
  token: {
    colorPrimary: "#1e40af",
    borderRadius: 6,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Noto Sans", Roboto, "Helvetica Neue", Arial, sans-serif',
  },
  components: {
    Layout: { siderBg: "#0f1f4b", headerBg: "#ffffff" },
    Menu: { darkItemBg: "#0f1f4b", darkItemSelectedBg: "#1e40af" },
  },
};
