//! The columns of the money sheets: products, contracts, payment plans and receipts, exported and imported
//! (what the store works out — received, outstanding — is exported only).

use super::columns::{col, out, Column, ColumnKind::*};

pub(super) const PRODUCT: &[Column] = &[
    col(
        "name",
        ["产品名称", "產品名稱", "Product"],
        &[
            "产品",
            "產品",
            "商品名称",
            "商品名稱",
            "商品",
            "品名",
            "名称",
            "名稱",
            "product name",
            "item",
            "name",
        ],
        Text,
    ),
    col(
        "code",
        ["编码", "編碼", "Code"],
        &[
            "产品编码",
            "產品編碼",
            "商品编码",
            "商品編碼",
            "编号",
            "編號",
            "货号",
            "貨號",
            "sku",
            "product code",
        ],
        Code,
    ),
    col(
        "unit",
        ["单位", "單位", "Unit"],
        &["计量单位", "計量單位", "uom"],
        Text,
    ),
    col(
        "category",
        ["类别", "類別", "Category"],
        &[
            "分类",
            "分類",
            "产品类别",
            "產品類別",
            "产品分类",
            "產品分類",
            "type",
        ],
        Text,
    ),
    col(
        "listPrice",
        ["标准价", "標準價", "List price"],
        &[
            "单价",
            "單價",
            "价格",
            "價格",
            "售价",
            "售價",
            "销售价",
            "銷售價",
            "price",
            "unit price",
        ],
        Money,
    ),
    col(
        "cost",
        ["成本", "成本", "Cost"],
        &["成本价", "成本價", "进价", "進價", "cost price"],
        Money,
    ),
    out("margin", ["毛利率", "毛利率", "Margin"], Percent),
    col(
        "active",
        ["在售", "在售", "Active"],
        &["是否在售", "上架", "on sale"],
        Flag,
    ),
    col(
        "notes",
        ["备注", "備註", "Notes"],
        &["说明", "說明", "remarks", "note"],
        LongText,
    ),
    out("createdAt", ["创建时间", "建立時間", "Created"], DateTime),
];

pub(super) const CONTRACT: &[Column] = &[
    col(
        "number",
        ["合同编号", "合約編號", "Contract no."],
        &[
            "合同号",
            "合約號",
            "编号",
            "編號",
            "contract number",
            "number",
        ],
        Code,
    ),
    col(
        "title",
        ["合同名称", "合約名稱", "Title"],
        &["合同标题", "名称", "名稱", "contract"],
        Text,
    ),
    col(
        "customerName",
        ["客户名称", "客戶名稱", "Customer name"],
        &[
            "客户",
            "客戶",
            "公司名称",
            "公司名稱",
            "甲方",
            "customer",
            "company",
        ],
        Text,
    ),
    col(
        "contactName",
        ["签约联系人", "簽約聯絡人", "Signed by"],
        &["联系人", "聯絡人", "contact"],
        Text,
    ),
    col(
        "contractStatus",
        ["状态", "狀態", "Status"],
        &["合同状态", "合約狀態", "status"],
        Choice,
    ),
    col(
        "amount",
        ["合同金额", "合約金額", "Amount"],
        &["金额", "金額", "总额", "總額", "total"],
        Money,
    ),
    out("planned", ["计划回款", "計畫回款", "Planned"], Money),
    out("received", ["已回款", "已回款", "Received"], Money),
    out("outstanding", ["未回款", "未回款", "Outstanding"], Money),
    out("receivedShare", ["回款率", "回款率", "Received %"], Percent),
    col(
        "signedOn",
        ["签订日期", "簽訂日期", "Signed on"],
        &["签约日期", "簽約日期", "signed", "sign date"],
        Date,
    ),
    col(
        "startsOn",
        ["开始日期", "開始日期", "Starts"],
        &["生效日期", "start", "start date"],
        Date,
    ),
    col(
        "endsOn",
        ["结束日期", "結束日期", "Ends"],
        &["到期日期", "截止日期", "end", "end date"],
        Date,
    ),
    col(
        "paymentTerms",
        ["付款条件", "付款條件", "Payment terms"],
        &["付款方式说明", "terms"],
        LongText,
    ),
    col(
        "notes",
        ["备注", "備註", "Notes"],
        &["说明", "說明", "remarks"],
        LongText,
    ),
    out("createdAt", ["创建时间", "建立時間", "Created"], DateTime),
];

pub(super) const INSTALLMENT: &[Column] = &[
    col(
        "contractNumber",
        ["合同编号", "合約編號", "Contract no."],
        &["合同号", "合約號", "contract number", "contract"],
        Code,
    ),
    out(
        "customerName",
        ["客户名称", "客戶名稱", "Customer name"],
        Text,
    ),
    col(
        "dueOn",
        ["应收日期", "應收日期", "Due"],
        &["到期日", "计划日期", "計畫日期", "due date"],
        Date,
    ),
    col(
        "amount",
        ["计划金额", "計畫金額", "Amount"],
        &["应收金额", "應收金額", "金额", "金額"],
        Money,
    ),
    out("received", ["已回款", "已回款", "Received"], Money),
    out("outstanding", ["未回款", "未回款", "Outstanding"], Money),
    col(
        "note",
        ["备注", "備註", "Note"],
        &["说明", "說明", "notes"],
        Text,
    ),
];

pub(super) const RECEIPT: &[Column] = &[
    col(
        "contractNumber",
        ["合同编号", "合約編號", "Contract no."],
        &["合同号", "合約號", "contract number", "contract"],
        Code,
    ),
    out(
        "customerName",
        ["客户名称", "客戶名稱", "Customer name"],
        Text,
    ),
    col(
        "receivedOn",
        ["回款日期", "回款日期", "Received on"],
        &["收款日期", "到账日期", "到帳日期", "日期", "date"],
        Date,
    ),
    col(
        "amount",
        ["回款金额", "回款金額", "Amount"],
        &["收款金额", "收款金額", "金额", "金額"],
        Money,
    ),
    col(
        "paymentMethod",
        ["回款方式", "回款方式", "Method"],
        &["收款方式", "付款方式", "支付方式", "method"],
        Choice,
    ),
    col(
        "note",
        ["备注", "備註", "Note"],
        &["说明", "說明", "notes"],
        Text,
    ),
    out("createdAt", ["录入时间", "錄入時間", "Entered"], DateTime),
];
