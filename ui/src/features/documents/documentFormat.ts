//! How a document is described on screen: its size in KB or MB, its file name from a path, and whether
//! the app previews its kind itself. Pure functions.
import type { TFunction } from "i18next";
import type { DocumentKind } from "../../api/bindings/DocumentKind";

const KB = 1024;
const MB = 1024 * 1024;

/** Bytes as `12.3 KB` or `4.5 MB` (one decimal, the language's digits; anything under 0.1 KB shows 0.1 KB). */
export function sizeText(t: TFunction, bytes: number, language: string): string {
  const number = (n: number) => new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(n);
  if (bytes >= MB) return t("documents.sizeMB", { size: number(bytes / MB) });
  return t("documents.sizeKB", { size: number(Math.max(bytes / KB, 0.1)) });
}

/** The last component of a path, on Windows or elsewhere. */
export function fileName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

/** PDFs and images are shown in the app; every other kind opens with the system's app. */
export function previewable(kind: DocumentKind): boolean {
  return kind === "pdf" || kind === "image";
}

const IMAGE_TYPES: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  bmp: "image/bmp",
};

/** The MIME type of an image from its name, for the preview's Blob (the webview sniffs when unknown). */
export function imageType(name: string): string {
  const ext = name.includes(".") ? name.split(".").pop()!.toLowerCase() : "";
  return IMAGE_TYPES[ext] ?? "";
}
