//! The drawer that shows every field of one customer, with Edit and Move-to-trash.
import { App, Button, Descriptions, Drawer, Popconfirm, Rate, Result, Skeleton, Space, Tabs, Tag, Typography } from "antd";
import { DeleteOutlined, EditOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import type { Customer } from "../../api/bindings/Customer";
import { formatDateTime } from "../../components/formatDate";
import { queryKeys } from "../../api/queryKeys";
import { errorText } from "../../i18n/errorText";
import { CustomerContacts } from "../contacts/CustomerContacts";
import { CustomerContracts } from "../contracts/CustomerContracts";
import { DocumentList } from "../documents/DocumentList";
import { CustomerTimeline } from "../followups/CustomerTimeline";
import { MergeButton } from "../merge/MergeButton";
import { CustomerReceivables } from "../receivables/CustomerReceivables";
import { LevelTag, StatusTag } from "./CustomerTags";
import { regionPath } from "./regions";
import { useTrashCustomer } from "./useCustomerMutations";

type Props = {
  id: number | null;
  onClose: () => void;
  onEdit: (customer: Customer) => void;
  /** Shows another customer in the drawer (the survivor of a merge). */
  onOpen: (id: number) => void;
};

export function CustomerDetail({ id, onClose, onEdit, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const trash = useTrashCustomer();
  const customer = useQuery({
    queryKey: queryKeys.customer(id ?? -1),
    queryFn: () => api.getCustomer(id as number),
    enabled: id !== null,
  });
  const c = customer.data;
  const text = (v: string | null) => v || <Typography.Text type="secondary">{t("common.none")}</Typography.Text>;

  const moveToTrash = () => {
    if (!c) return;
    trash.mutate(c.id, {
      onSuccess: () => {
        void message.success(t("detail.trashed"));
        onClose();
      },
      onError: (err) => void message.error(errorText(t, err)),
    });
  };

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={720}
      title={c?.name ?? t("detail.title")}
      extra={
        c && (
          <Space>
            <MergeButton customer={c} onMerged={onOpen} />
            <Popconfirm title={t("detail.trashConfirm")} onConfirm={moveToTrash} okText={t("common.ok")} cancelText={t("common.cancel")}>
              <Button danger icon={<DeleteOutlined />} loading={trash.isPending} data-testid="customer-trash">
                {t("detail.trash")}
              </Button>
            </Popconfirm>
            <Button type="primary" icon={<EditOutlined />} onClick={() => onEdit(c)} data-testid="customer-edit">
              {t("detail.edit")}
            </Button>
          </Space>
        )
      }
    >
      <div data-testid="customer-detail">
        {customer.isPending && <Skeleton active paragraph={{ rows: 10 }} />}
        {customer.isError && (
          <Result status="warning" title={t("detail.loadFailed")} subTitle={errorText(t, customer.error as unknown as AppError)} />
        )}
        {c && (
          <Tabs
            items={[
              { key: "overview", label: t("timeline.overview"), children: overview(c) },
              { key: "timeline", label: <span data-testid="tab-timeline">{t("timeline.title")}</span>, children: <CustomerTimeline customerId={c.id} /> },
              {
                key: "contracts",
                label: <span data-testid="tab-contracts">{t("contracts.title")}</span>,
                children: <CustomerContracts customerId={c.id} customerName={c.name} />,
              },
              { key: "receivables", label: <span data-testid="tab-receivables">{t("receivables.tab")}</span>, children: <CustomerReceivables customerId={c.id} /> },
              { key: "documents", label: <span data-testid="tab-documents">{t("documents.tab")}</span>, children: <DocumentList customerId={c.id} contractId={null} /> },
            ]}
          />
        )}
      </div>
    </Drawer>
  );

  function overview(c: Customer) {
    return (
          <Space direction="vertical" size="large" className="full-width">
            <Descriptions title={t("form.basic")} column={2} size="small" bordered>
              <Descriptions.Item label={t("fields.name")} span={2}>
                {c.name}
              </Descriptions.Item>
              <Descriptions.Item label={t("fields.kind")}>{t(`kind.${c.kind}`)}</Descriptions.Item>
              <Descriptions.Item label={t("fields.uscc")}>
                <span className="mono">{text(c.uscc)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t("fields.status")}>
                <StatusTag status={c.status} />
              </Descriptions.Item>
              <Descriptions.Item label={t("fields.level")}>{c.level ? <LevelTag level={c.level} /> : text(null)}</Descriptions.Item>
              <Descriptions.Item label={t("fields.industry")}>{text(c.industry)}</Descriptions.Item>
              <Descriptions.Item label={t("fields.source")}>{text(c.source)}</Descriptions.Item>
              <Descriptions.Item label={t("fields.nextFollowUp")}>
                <span data-testid="detail-next-follow-up">{text(c.nextFollowUp)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t("fields.touchEveryDays")}>
                {c.touchEveryDays ? `${c.touchEveryDays} ${t("units.days")}` : text(null)}
              </Descriptions.Item>
              <Descriptions.Item label={t("fields.preference")}>
                {c.preference ? <Rate disabled value={c.preference} data-testid="detail-preference" /> : text(null)}
              </Descriptions.Item>
            </Descriptions>
            <CustomerContacts customerId={c.id} />
            <Descriptions title={t("form.contact")} column={2} size="small" bordered>
              <Descriptions.Item label={t("fields.mobile")}>{text(c.mobile)}</Descriptions.Item>
              <Descriptions.Item label={t("fields.phone")}>{text(c.phone)}</Descriptions.Item>
              <Descriptions.Item label={t("fields.email")}>{text(c.email)}</Descriptions.Item>
              <Descriptions.Item label={t("fields.website")}>{text(c.website)}</Descriptions.Item>
              <Descriptions.Item label={t("fields.region")}>{text(regionPath(c).join(" / "))}</Descriptions.Item>
              <Descriptions.Item label={t("fields.address")}>{text(c.address)}</Descriptions.Item>
            </Descriptions>
            <Descriptions title={t("form.invoice")} column={2} size="small" bordered>
              <Descriptions.Item label={t("fields.invoiceTitle")}>{text(c.invoiceTitle)}</Descriptions.Item>
              <Descriptions.Item label={t("fields.taxNumber")}>
                <span className="mono">{text(c.taxNumber)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t("fields.bankName")}>{text(c.bankName)}</Descriptions.Item>
              <Descriptions.Item label={t("fields.bankAccount")}>
                <span className="mono">{text(c.bankAccount)}</span>
              </Descriptions.Item>
            </Descriptions>
            <Descriptions title={t("form.other")} column={2} size="small" bordered>
              <Descriptions.Item label={t("fields.tags")} span={2}>
                {c.tags.length > 0 ? c.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : text(null)}
              </Descriptions.Item>
              <Descriptions.Item label={t("fields.notes")} span={2}>
                <span className="pre-wrap">{text(c.notes)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t("fields.createdAt")}>{formatDateTime(c.createdAt, i18n.language)}</Descriptions.Item>
              <Descriptions.Item label={t("fields.updatedAt")}>{formatDateTime(c.updatedAt, i18n.language)}</Descriptions.Item>
            </Descriptions>
          </Space>
    );
  }
}
