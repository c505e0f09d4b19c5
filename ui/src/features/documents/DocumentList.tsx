//! The documents of a customer (its contracts' too, each marked with the contract's number) or of one
//! contract: attach from the file dialog or by dropping files on the list, preview PDFs and images, open
//! with the system's app, save a copy, rename, move to the trash.
import { useRef, useState } from "react";
import { Button, Empty, List, Result, Space, Tag, Typography } from "antd";
import { InboxOutlined, PaperClipOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { AppError } from "../../api/bindings/AppError";
import type { Document } from "../../api/bindings/Document";
import { formatDateTime } from "../../components/formatDate";
import { errorText } from "../../i18n/errorText";
import { DocumentActions } from "./DocumentActions";
import { DocumentIcon } from "./DocumentIcon";
import { sizeText } from "./documentFormat";
import { PreviewModal } from "./PreviewModal";
import { RenameDialog } from "./RenameDialog";
import { useAttach } from "./useAttach";
import { useDocuments } from "./useDocuments";
import { useFileDrop } from "./useFileDrop";
import "./documents.css";

type Props = {
  customerId: number;
  /** Only this contract's documents, attached to it; null for all of the customer's. */
  contractId: number | null;
};

export function DocumentList({ customerId, contractId }: Props) {
  const { t, i18n } = useTranslation();
  const docs = useDocuments(customerId, contractId);
  const { attach, pickAndAttach, progress, busy } = useAttach(customerId, contractId);
  const zone = useRef<HTMLDivElement>(null);
  const dragging = useFileDrop(zone, (paths) => void attach(paths));
  const [previewing, setPreviewing] = useState<Document | null>(null);
  const [renaming, setRenaming] = useState<Document | null>(null);

  const row = (d: Document) => (
    <List.Item data-testid="document-row" actions={[<DocumentActions key="actions" document={d} onPreview={setPreviewing} onRename={setRenaming} />]}>
      <List.Item.Meta
        avatar={<DocumentIcon kind={d.kind} label={t(`documents.kinds.${d.kind}`)} />}
        title={
          <Space wrap size="small">
            <span data-testid="document-name">{d.name}</span>
            {contractId === null && d.contractNumber && (
              <Tag className="mono" data-testid="document-contract">
                {t("documents.contract", { number: d.contractNumber })}
              </Tag>
            )}
          </Space>
        }
        description={`${sizeText(t, d.size, i18n.language)} · ${formatDateTime(d.createdAt, i18n.language)}`}
      />
    </List.Item>
  );

  return (
    <div ref={zone} className="documents" data-testid="documents">
      <div className="documents-toolbar">
        {contractId !== null && (
          <Typography.Title level={5} className="documents-title">
            {t("documents.title")}
          </Typography.Title>
        )}
        {progress && <Typography.Text type="secondary">{t("documents.attaching", { ...progress })}</Typography.Text>}
        <Button icon={<PaperClipOutlined />} loading={busy} onClick={() => void pickAndAttach()} data-testid="documents-attach">
          {t("documents.attach")}
        </Button>
      </div>
      {docs.isError ? (
        <Result status="warning" title={t("documents.loadFailed")} subTitle={errorText(t, docs.error as unknown as AppError)} />
      ) : (
        <List
          loading={docs.isPending}
          dataSource={docs.data ?? []}
          renderItem={row}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("documents.empty")} /> }}
        />
      )}
      {dragging && (
        <div className="documents-drop-zone" data-testid="documents-drop-zone">
          <InboxOutlined />
          {t("documents.dropHint")}
        </div>
      )}
      <PreviewModal document={previewing} onClose={() => setPreviewing(null)} />
      <RenameDialog document={renaming} onClose={() => setRenaming(null)} />
    </div>
  );
}
