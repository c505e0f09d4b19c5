//! An image document shown from its bytes through a Blob URL, released when the preview closes.
import { useEffect, useState } from "react";
import { Result, Spin } from "antd";
import { useTranslation } from "react-i18next";
import { api, toAppError } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import type { Document } from "../../api/bindings/Document";
import { errorText } from "../../i18n/errorText";
import { imageType } from "./documentFormat";

export function ImagePreview({ document: doc }: { document: Document }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const [failure, setFailure] = useState<AppError | "undecodable" | null>(null);

  useEffect(() => {
    let cancelled = false;
    let made: string | null = null;
    api.documentContents(doc.id).then(
      (bytes) => {
        if (cancelled) return;
        made = URL.createObjectURL(new Blob([bytes], { type: imageType(doc.name) }));
        setUrl(made);
      },
      (err: unknown) => !cancelled && setFailure(toAppError(err)),
    );
    return () => {
      cancelled = true;
      if (made) URL.revokeObjectURL(made);
    };
  }, [doc.id, doc.name]);

  if (failure) {
    const subTitle = failure === "undecodable" ? undefined : errorText(t, failure);
    return <Result status="warning" title={t("documents.previewFailed")} subTitle={subTitle} />;
  }
  if (!url) return <Spin className="preview-loading" />;
  // HEIC and TIFF count as images but few webviews decode them.
  return <img className="image-preview" src={url} alt={doc.name} onError={() => setFailure("undecodable")} data-testid="document-preview-image" />;
}
