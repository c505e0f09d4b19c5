//! A PDF shown page by page on a canvas, the width of the dialog, with previous / next. PDF.js loads the
//! first time one is shown.
import { useEffect, useRef, useState } from "react";
import { Button, Result, Space, Spin, Typography } from "antd";
import { LeftOutlined, RightOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { api, toAppError } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import { errorText } from "../../i18n/errorText";
import type { PDFDocumentProxy } from "./pdfDocument";

type Failure = { app: AppError } | { pdf: true };

export function PdfPreview({ id, width }: { id: number; width: number }) {
  const { t } = useTranslation();
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [page, setPage] = useState(1);
  const [rendering, setRendering] = useState(true);
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    let cancelled = false;
    let opened: PDFDocumentProxy | null = null;
    const load = async () => {
      let bytes: ArrayBuffer;
      try {
        bytes = await api.documentContents(id);
      } catch (err) {
        if (!cancelled) setFailure({ app: toAppError(err) });
        return;
      }
      try {
        const { openPdf } = await import("./pdfDocument");
        const doc = await openPdf(bytes);
        if (cancelled) void doc.destroy();
        else {
          opened = doc;
          setPdf(doc);
        }
      } catch {
        // Damaged, password-protected, or not a PDF after all: the system's app may still open it.
        if (!cancelled) setFailure({ pdf: true });
      }
    };
    void load();
    return () => {
      cancelled = true;
      void opened?.destroy();
    };
  }, [id]);

  useEffect(() => {
    const el = canvas.current;
    if (!pdf || !el) return;
    let cancelled = false;
    let cancelRender: (() => void) | null = null;
    setRendering(true);
    const draw = async () => {
      const p = await pdf.getPage(page);
      if (cancelled) return;
      // Drawn at the screen's pixel density, shown at the dialog's width.
      const ratio = window.devicePixelRatio || 1;
      const scale = width / p.getViewport({ scale: 1 }).width;
      const viewport = p.getViewport({ scale: scale * ratio });
      el.width = Math.floor(viewport.width);
      el.height = Math.floor(viewport.height);
      el.style.width = `${Math.floor(viewport.width / ratio)}px`;
      el.style.height = `${Math.floor(viewport.height / ratio)}px`;
      const task = p.render({ canvas: el, viewport });
      cancelRender = () => task.cancel();
      await task.promise;
      if (!cancelled) setRendering(false);
    };
    draw().catch((err: unknown) => {
      if (!cancelled && (err as { name?: string })?.name !== "RenderingCancelledException") setFailure({ pdf: true });
    });
    return () => {
      cancelled = true;
      cancelRender?.();
    };
  }, [pdf, page, width]);

  if (failure) {
    const text = "app" in failure ? errorText(t, failure.app) : t("documents.previewFailed");
    return <Result status="warning" title={t("documents.previewFailed")} subTitle={"app" in failure ? text : undefined} />;
  }
  const pages = pdf?.numPages ?? 0;
  return (
    <div className="pdf-preview">
      {pages > 1 && (
        <Space className="pdf-pager">
          <Button size="small" icon={<LeftOutlined />} disabled={page <= 1} onClick={() => setPage((n) => n - 1)} aria-label={t("documents.prevPage")} />
          <Typography.Text>{t("documents.page", { page, total: pages })}</Typography.Text>
          <Button size="small" icon={<RightOutlined />} disabled={page >= pages} onClick={() => setPage((n) => n + 1)} aria-label={t("documents.nextPage")} />
        </Space>
      )}
      <Spin spinning={!pdf || rendering}>
        <div className="pdf-page">
          <canvas ref={canvas} data-testid="document-preview-pdf" />
        </div>
      </Spin>
    </div>
  );
}
