//! One search result: what it is (customer or contact), its name, and how it matched.
import { Space, Tag, Typography } from "antd";
import { ContactsOutlined, ShopOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { SearchHit } from "../../api/bindings/SearchHit";

export function SearchHitRow({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation();
  return (
    <Space className="search-hit" size="small">
      {hit.kind === "customer" ? <ShopOutlined /> : <ContactsOutlined />}
      <span data-testid="search-hit-name">{hit.name}</span>
      {hit.detail && <Typography.Text type="secondary">{hit.detail}</Typography.Text>}
      <Tag bordered={false}>{t(`search.kinds.${hit.kind}`)}</Tag>
      {hit.matched !== "name" && (
        <Typography.Text type="secondary" className="search-hit-matched">
          {t(`search.matched.${hit.matched}`)}
        </Typography.Text>
      )}
    </Space>
  );
}
