//! Every contact across all customers, by name; a row opens its customer.
import { Button, Table, Typography } from "antd";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { ContactListRow } from "../../api/bindings/ContactListRow";
import { PageTitle } from "../../components/PageTitle";
import { queryKeys } from "../../api/queryKeys";
import { ExportMenu } from "../export/ExportMenu";

export function ContactList({ onOpenCustomer }: { onOpenCustomer: (customerId: number) => void }) {
  const { t } = useTranslation();
  const pages = useInfiniteQuery({
    queryKey: queryKeys.contactPages(false),
    queryFn: ({ pageParam }) => api.listContacts({ after: pageParam, trashed: false, limit: 200 }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const rows: ContactListRow[] = pages.data?.pages.flatMap((p) => p.rows) ?? [];
  const text = (v: string | null) => v ?? <Typography.Text type="secondary">{t("common.none")}</Typography.Text>;

  return (
    <div className="page">
      <div className="page-header">
        <PageTitle>{t("contacts.title")}</PageTitle>
        <ExportMenu entity="contacts" query={null} />
      </div>
      <Table<ContactListRow>
        size="small"
        rowKey={(r) => r.contact.id}
        loading={pages.isPending}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t("contacts.listEmpty") }}
        onRow={(r) => ({ onClick: () => onOpenCustomer(r.contact.customerId), className: "clickable" })}
        columns={[
          { title: t("contactFields.name"), render: (_, r) => <span data-testid="contact-list-name">{r.contact.name}</span> },
          { title: t("contactFields.customer"), render: (_, r) => r.customerName },
          { title: t("contactFields.title"), render: (_, r) => text(r.contact.title) },
          { title: t("contactFields.mobile"), render: (_, r) => text(r.contact.mobile) },
          { title: t("contactFields.email"), render: (_, r) => text(r.contact.email) },
        ]}
      />
      {pages.hasNextPage && (
        <Button block className="load-more" loading={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
          {t("contacts.loadMore")}
        </Button>
      )}
    </div>
  );
}
