//! The small dialog that shows a document under another name.
import { App, Form, Input, Modal, type ButtonProps } from "antd";
import { useTranslation } from "react-i18next";
import type { AppError } from "../../api/bindings/AppError";
import type { Document } from "../../api/bindings/Document";
import { errorText } from "../../i18n/errorText";
import { useRenameDocument } from "./useDocuments";

const SAVE_BUTTON = { "data-testid": "document-rename-save" } as unknown as ButtonProps;

type Props = { document: Document | null; onClose: () => void };

export function RenameDialog({ document: doc, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const rename = useRenameDocument();

  // The core names its own field `name`, which elsewhere is a customer's name.
  const failure = (err: AppError) =>
    err.field === "name" && err.reason === "required" ? t("documents.nameRequired") : errorText(t, err);

  const submit = ({ name }: { name: string }) => {
    if (!doc) return;
    rename.mutate(
      { id: doc.id, name: name.trim() },
      {
        onSuccess: (renamed) => {
          void message.success(t("documents.renamed", { name: renamed.name }));
          onClose();
        },
        onError: (err) => form.setFields([{ name: "name", errors: [failure(err)] }]),
      },
    );
  };

  return (
    <Modal
      open={doc !== null}
      title={t("documents.renameTitle")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={rename.isPending}
      okButtonProps={SAVE_BUTTON}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ name: doc?.name ?? "" }} preserve={false}>
        <Form.Item
          name="name"
          label={t("documents.name")}
          rules={[{ required: true, whitespace: true, message: t("documents.nameRequired") }]}
        >
          <Input autoFocus maxLength={255} data-testid="document-rename-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
