//! The in-app preview of a PDF or an image document.
import { Modal } from "antd";
import { useTranslation } from "react-i18next";
import type { Document } from "../../api/bindings/Document";
import { ImagePreview } from "./ImagePreview";
import { PdfPreview } from "./PdfPreview";

const WIDTH = 900;
/** The modal body's padding on both sides, so a page fits without a horizontal scroll bar. */
const PADDING = 48;

export function PreviewModal({ document: doc, onClose }: { document: Document | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={doc !== null}
      title={doc ? t("documents.previewTitle", { name: doc.name }) : null}
      onCancel={onClose}
      footer={null}
      width={WIDTH}
      destroyOnHidden
      centered
    >
      <div data-testid="document-preview-modal" className="preview-body">
        {doc?.kind === "image" && <ImagePreview key={doc.id} document={doc} />}
        {doc?.kind === "pdf" && <PdfPreview key={doc.id} id={doc.id} width={WIDTH - PADDING} />}
      </div>
    </Modal>
  );
}
