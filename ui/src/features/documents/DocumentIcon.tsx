//! The icon of a document's kind.
import {
  FileExcelOutlined,
  FileImageOutlined,
  FileOutlined,
  FilePdfOutlined,
  FileWordOutlined,
} from "@ant-design/icons";
import type { DocumentKind } from "../../api/bindings/DocumentKind";

const ICONS = {
  pdf: { Icon: FilePdfOutlined, color: "#d4380d" },
  image: { Icon: FileImageOutlined, color: "#08979c" },
  word: { Icon: FileWordOutlined, color: "#1d39c4" },
  excel: { Icon: FileExcelOutlined, color: "#389e0d" },
  other: { Icon: FileOutlined, color: "#8c8c8c" },
} as const;

export function DocumentIcon({ kind, label }: { kind: DocumentKind; label: string }) {
  const { Icon, color } = ICONS[kind];
  return <Icon className="document-icon" style={{ color }} aria-label={label} />;
}
