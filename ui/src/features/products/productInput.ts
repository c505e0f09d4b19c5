//! Between the product form's values (prices in yuan) and the ProductInput the command takes (prices in 分).
import type { Product } from "../../api/bindings/Product";
import type { ProductInput } from "../../api/bindings/ProductInput";
import { fenToYuan, yuanToFen } from "../../components/money";

export type ProductFormValues = {
  name: string;
  code?: string;
  unit?: string;
  category?: string;
  listPrice?: number | null;
  cost?: number | null;
  active: boolean;
  notes?: string;
};

export const PRODUCT_FIELDS = ["name", "code", "unit", "category", "listPrice", "cost", "notes"] as const;

export function emptyProductValues(): ProductFormValues {
  return { name: "", listPrice: 0, cost: null, active: true };
}

export function toProductValues(p: Product): ProductFormValues {
  return {
    name: p.name,
    code: p.code ?? undefined,
    unit: p.unit ?? undefined,
    category: p.category ?? undefined,
    listPrice: fenToYuan(p.listPrice),
    cost: p.cost === null ? null : fenToYuan(p.cost),
    active: p.active,
    notes: p.notes ?? undefined,
  };
}

const opt = (v: string | undefined) => (v && v.trim() ? v : null);

export function toProductInput(v: ProductFormValues): ProductInput {
  return {
    name: v.name ?? "",
    code: opt(v.code),
    unit: opt(v.unit),
    category: opt(v.category),
    listPrice: yuanToFen(v.listPrice ?? 0),
    cost: v.cost === null || v.cost === undefined ? null : yuanToFen(v.cost),
    active: v.active ?? true,
    notes: opt(v.notes),
  };
}
