//! PDF.js for the preview, loaded only when a PDF is first shown: the worker bundled by Vite, no eval,
//! and the predefined CMaps (Chinese, Japanese and Korean PDFs without embedded fonts need them) and the
//! symbol fonts bundled with the app and handed to PDF.js from here, so nothing is fetched from elsewhere.
// The legacy build: the modern one needs APIs (Map.getOrInsertComputed, …) the system webviews lack.
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";

GlobalWorkerOptions.workerSrc = new URL("pdfjs-dist/legacy/build/pdf.worker.min.mjs", import.meta.url).toString();

const CMAPS = import.meta.glob<string>("/node_modules/pdfjs-dist/cmaps/*.bcmap", { query: "?url", import: "default", eager: true });
const FONTS = import.meta.glob<string>("/node_modules/pdfjs-dist/standard_fonts/Foxit{Symbol,Dingbats}.pfb", {
  query: "?url",
  import: "default",
  eager: true,
});
const BUNDLED: Record<string, Record<string, string>> = {
  cMapUrl: byFileName(CMAPS),
  standardFontDataUrl: byFileName(FONTS),
};

function byFileName(urls: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(urls).map(([path, url]) => [path.slice(path.lastIndexOf("/") + 1), url]));
}

/** Small files are inlined as `data:` URLs, which the app's CSP does not let `fetch` read: decode them here. */
async function bytesAt(url: string): Promise<Uint8Array> {
  if (url.startsWith("data:")) {
    const binary = atob(url.slice(url.indexOf(",") + 1));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${url}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** What PDF.js asks the page for (CMaps, standard fonts), answered from the files bundled above. */
class BundledData {
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const url = BUNDLED[kind]?.[filename];
    if (!url) throw new Error(`not bundled: ${kind} ${filename}`);
    return bytesAt(url);
  }
}

/** Opens a PDF from its bytes (which PDF.js takes over). */
export function openPdf(data: ArrayBuffer): Promise<PDFDocumentProxy> {
  return getDocument({
    data: new Uint8Array(data),
    isEvalSupported: false,
    // Placeholders with the trailing slash PDF.js wants; BundledData resolves the file names.
    cMapUrl: "bundled/cmaps/",
    cMapPacked: true,
    standardFontDataUrl: "bundled/fonts/",
    useWorkerFetch: false,
    BinaryDataFactory: BundledData,
  }).promise;
}

export type { PDFDocumentProxy };
