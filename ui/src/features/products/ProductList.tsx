//! The product catalogue: a text filter, "active only", the list by name (a page at a time), and the form.
import { useState } from "react";
import { App, Button, Empty, Input, Popconfirm, Space, Switch, Table, Tag, Typography } from "antd";
import { DeleteOutlined, EditOutlined, PlusOutlined, SearchOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { AppError } from "../../api/bindings/AppError";
import type { Product } from "../../api/bindings/Product";
import { Money } from "../../components/Money";
import { ExportMenu } from "../export/ExportMenu";
import { PageTitle } from "../../components/PageTitle";
import { errorText } from "../../i18n/errorText";
import { useDebounced } from "../search/useSearch";
import { ProductForm } from "./ProductForm";
import { useTrashProduct } from "./useProductMutations";
import { useProductPages } from "./useProductPages";

type FormState = { open: boolean; product: Product | null };

export function ProductList() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [text, setText] = useState("");
  const [activeOnly, setActiveOnly] = useState(false);
  const [form, setForm] = useState<FormState>({ open: false, product: null });
  const filterText = useDebounced(text.trim(), 200);
  const pages = useProductPages({ text: filterText || null, activeOnly, trashed: false });
  const trash = useTrashProduct();
  const none = (v: string | null) => v || <Typography.Text type="secondary">{t("common.none")}</Typography.Text>;
  const filtered = !!filterText || activeOnly;
  const openNew = () => setForm({ open: true, product: null });

  const moveToTrash = (p: Product) =>
    trash.mutate(p.id, {
      onSuccess: () => void message.success(t("products.trashed")),
      onError: (err: AppError) => void message.error(errorText(t, err, "products")),
    });

  const empty = pages.isError ? (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={errorText(t, pages.error as unknown as AppError)} />
  ) : (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(filtered ? "products.emptyFiltered" : "products.empty")}>
      {!filtered && (
        <Button type="primary" icon={<PlusOutlined />} onClick={openNew}>
          {t("products.new")}
        </Button>
      )}
    </Empty>
  );

  return (
    <div className="page page-scroll">
      <div className="page-header">
        <PageTitle>{t("products.title")}</PageTitle>
        <Space>
          <Input
            allowClear
            className="list-search"
            prefix={<SearchOutlined />}
            placeholder={t("products.filter")}
            value={text}
            onChange={(e) => setText(e.target.value)}
            data-testid="product-filter"
          />
          <Space size="small">
            <Switch checked={activeOnly} onChange={setActiveOnly} data-testid="product-active-only" />
            <Typography.Text>{t("products.activeOnly")}</Typography.Text>
          </Space>
          <ExportMenu entity="products" query={null} />
          <Button type="primary" icon={<PlusOutlined />} onClick={openNew} data-testid="product-new">
            {t("products.new")}
          </Button>
        </Space>
      </div>
      <Table<Product>
        size="middle"
        rowKey="id"
        loading={pages.isPending}
        dataSource={pages.rows}
        pagination={false}
        locale={{ emptyText: empty }}
        data-testid="product-list"
        onRow={(p) => ({ onClick: () => setForm({ open: true, product: p }), className: "clickable" })}
        columns={[
          {
            key: "name",
            title: t("productFields.name"),
            ellipsis: true,
            render: (_, p) => (
              <span data-testid="product-row-name" className="row-name">
                {p.name}
              </span>
            ),
          },
          { key: "code", title: t("productFields.code"), width: 140, render: (_, p) => <span className="mono">{none(p.code)}</span> },
          { key: "category", title: t("productFields.category"), width: 140, ellipsis: true, render: (_, p) => none(p.category) },
          { key: "unit", title: t("productFields.unit"), width: 80, render: (_, p) => none(p.unit) },
          { key: "listPrice", title: t("productFields.listPrice"), width: 140, align: "right", render: (_, p) => <Money fen={p.listPrice} /> },
          {
            key: "cost",
            title: t("productFields.cost"),
            width: 140,
            align: "right",
            render: (_, p) => (p.cost === null ? none(null) : <Money fen={p.cost} />),
          },
          {
            key: "active",
            title: t("productFields.active"),
            width: 90,
            render: (_, p) => (p.active ? <Tag color="green">{t("products.active")}</Tag> : <Tag>{t("products.inactive")}</Tag>),
          },
          {
            key: "actions",
            title: t("trash.actions"),
            width: 100,
            render: (_, p) => (
              <Space size="small" onClick={(e) => e.stopPropagation()}>
                <Button type="text" size="small" icon={<EditOutlined />} aria-label={t("products.edit")} onClick={() => setForm({ open: true, product: p })} />
                <Popconfirm title={t("products.trashConfirm")} okText={t("common.ok")} cancelText={t("common.cancel")} onConfirm={() => moveToTrash(p)}>
                  <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t("products.trash")} data-testid="product-trash" />
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {pages.hasNextPage && (
        <Button block className="load-more" loading={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
          {t("products.loadMore")}
        </Button>
      )}
      <ProductForm open={form.open} product={form.product} onClose={() => setForm((f) => ({ ...f, open: false }))} />
    </div>
  );
}
