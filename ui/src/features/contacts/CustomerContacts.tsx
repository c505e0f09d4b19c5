//! The contacts section of a customer's page: who the people are, the primary one first; add, edit, trash.
import { useState } from "react";
import { App, Button, Card, Empty, List, Popconfirm, Space, Tag, Typography } from "antd";
import { DeleteOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { Contact } from "../../api/bindings/Contact";
import { queryKeys } from "../../api/queryKeys";
import { errorText } from "../../i18n/errorText";
import { birthdayText } from "./contactInput";
import { ContactForm } from "./ContactForm";
import { useTrashContact } from "./useContactMutations";

type FormState = { open: boolean; contact: Contact | null };

export function CustomerContacts({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form, setForm] = useState<FormState>({ open: false, contact: null });
  const contacts = useQuery({ queryKey: queryKeys.customerContacts(customerId), queryFn: () => api.listCustomerContacts(customerId) });
  const trash = useTrashContact();

  const details = (c: Contact) =>
    [
      c.title,
      c.department,
      c.mobile,
      c.phone,
      c.email,
      c.wechat && `${t("contactFields.wechat")} ${c.wechat}`,
      birthdayText(c, t("contacts.lunar")) && `${t("contactFields.birthday")} ${birthdayText(c, t("contacts.lunar"))}`,
    ].filter(Boolean);

  return (
    <Card
      size="small"
      title={t("contacts.title")}
      data-testid="customer-contacts"
      extra={
        <Button size="small" icon={<PlusOutlined />} onClick={() => setForm({ open: true, contact: null })} data-testid="contact-add">
          {t("contacts.add")}
        </Button>
      }
    >
      <List
        loading={contacts.isPending}
        dataSource={contacts.data ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("contacts.empty")} /> }}
        renderItem={(c) => (
          <List.Item
            data-testid="contact-row"
            actions={[
              <Button key="edit" type="text" size="small" icon={<EditOutlined />} aria-label={t("contacts.edit")} onClick={() => setForm({ open: true, contact: c })} />,
              <Popconfirm
                key="trash"
                title={t("contacts.trashConfirm")}
                okText={t("common.ok")}
                cancelText={t("common.cancel")}
                onConfirm={() =>
                  trash.mutate(c.id, {
                    onSuccess: () => void message.success(t("contacts.trashed")),
                    onError: (err) => void message.error(errorText(t, err, "contacts")),
                  })
                }
              >
                <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t("contacts.trash")} />
              </Popconfirm>,
            ]}
          >
            <List.Item.Meta
              title={
                <Space>
                  <span data-testid="contact-name">{c.name}</span>
                  {c.isPrimary && <Tag color="blue">{t("contacts.primary")}</Tag>}
                  {c.gender && <Typography.Text type="secondary">{t(`gender.${c.gender}`)}</Typography.Text>}
                </Space>
              }
              description={details(c).join(" · ") || null}
            />
          </List.Item>
        )}
      />
      <ContactForm open={form.open} customerId={customerId} contact={form.contact} onClose={() => setForm((f) => ({ ...f, open: false }))} />
    </Card>
  );
}
