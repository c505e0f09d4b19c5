//! The columns of the money sheets: products (exported and imported), contracts, payment plans and
//! receipts (exported only, so far).

use super::columns::{col, out, Column, ColumnKind::*};

pub(super) const PRODUCT: &[Column] = &[
    col(
        "name",
        ["产品名称", "產品名稱", "Product"],
        &["产品", "產品", "商品名称", "商品名稱", "商品", "品名", "名称", "名稱", "product name", "item", "name"],
        Text,
    ),
    col(
        "code",
        ["编码", "編碼", "Code"],
        &["产品编码", "產品編碼", "商品编码", "商品編碼", "编号", "編號", "货号", "貨號", "sku", "product code"],
        Code,
    ),
    col("unit", ["单位", "單位", "Unit"], &["计量单位", "計量單位", "uom"], Text),
    col(
        "category",
        ["类别", "類別", "Category"],
        &["分类", "分類", "产品类别", "產品類別", "产品分类", "產品分類", "type"],
        Text,
    ),
    col(
        "listPrice",
        ["标准价", "標準價", "List price"],
        &["单价", "單價", "价格", "價格", "售价", "售價", "销售价", "銷售價", "price", "unit price"],
        Money,
    ),
    col("cost", ["成本", "成本", "Cost"], &["成本价", "成本價", "进价", "進價", "cost price"], Money),
    out("margin", ["毛利率", "毛利率", "Margin"], Percent),
    col("active", ["在售", "在售", "Active"], &["是否在售", "上架", "on sale"], Flag),
    col("notes", ["备注", "備註", "Notes"], &["说明", "說明", "remarks", "note"], LongText),
    out("createdAt", ["创建时间", "建立時間", "Created"], DateTime),
];

pub(super) const CONTRACT: &[Column] = &[
    out("number", ["合同编号", "合約編號", "Contract no."], Code),
    out("title", ["合同名称", "合約名稱", "Title"], Text),
    out("customerName", ["客户名称", "客戶名稱", "Customer name"], Text),
    out("contactName", ["签约联系人", "簽約聯絡人", "Signed by"], Text),
    out("contractStatus", ["状态", "狀態", "Status"], Choice),
    out("amount", ["合同金额", "合約金額", "Amount"], Money),
    out("planned", ["计划回款", "計畫回款", "Planned"], Money),
    out("received", ["已回款", "已回款", "Received"], Money),
    out("outstanding", ["未回款", "未回款", "Outstanding"], Money),
    out("receivedShare", ["回款率", "回款率", "Received %"], Percent),
    out("signedOn", ["签订日期", "簽訂日期", "Signed on"], Date),
    out("startsOn", ["开始日期", "開始日期", "Starts"], Date),
    out("endsOn", ["结束日期", "結束日期", "Ends"], Date),
    out("paymentTerms", ["付款条件", "付款條件", "Payment terms"], LongText),
    out("notes", ["备注", "備註", "Notes"], LongText),
    out("createdAt", ["创建时间", "建立時間", "Created"], DateTime),
];

pub(super) const INSTALLMENT: &[Column] = &[
    out("contractNumber", ["合同编号", "合約編號", "Contract no."], Code),
    out("customerName", ["客户名称", "客戶名稱", "Customer name"], Text),
    out("dueOn", ["应收日期", "應收日期", "Due"], Date),
    out("amount", ["计划金额", "計畫金額", "Amount"], Money),
    out("received", ["已回款", "已回款", "Received"], Money),
    out("outstanding", ["未回款", "未回款", "Outstanding"], Money),
    out("note", ["备注", "備註", "Note"], Text),
];

pub(super) const RECEIPT: &[Column] = &[
    out("contractNumber", ["合同编号", "合約編號", "Contract no."], Code),
    out("customerName", ["客户名称", "客戶名稱", "Customer name"], Text),
    out("receivedOn", ["回款日期", "回款日期", "Received on"], Date),
    out("amount", ["回款金额", "回款金額", "Amount"], Money),
    out("paymentMethod", ["回款方式", "回款方式", "Method"], Choice),
    out("note", ["备注", "備註", "Note"], Text),
    out("createdAt", ["录入时间", "錄入時間", "Entered"], DateTime),
];
