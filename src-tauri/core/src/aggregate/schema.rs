//! The derived tables and the triggers that keep them, written once as SQL built from the few
//! definitions below (what counts, the customer dimensions, the cube's upsert).

use sqlx::SqliteConnection;

use crate::error::Result;

/// The customer dimensions purchases and receipts are summed by: key and value over a customer `c`
/// (`''` is the whole book; a region's city is keyed under its province, so a province's cities are one
/// prefix). A missing value is `''` (未填写).
pub(crate) const CUSTOMER_DIMS: [(&str, &str); 6] = [
    ("", "''"),
    ("province", "coalesce(c.province, '')"),
    (
        "city",
        "coalesce(c.province, '') || '/' || coalesce(c.city, '')",
    ),
    ("industry", "coalesce(c.industry, '')"),
    ("source", "coalesce(c.source, '')"),
    ("level", "coalesce(c.level, '')"),
];

/// The values of [`CUSTOMER_DIMS`], in its order, of a customer with these columns: the same as the
/// SQL above, for fills that sum in memory (the tests hold both to the triggers).
pub(crate) fn customer_dim_values(
    province: Option<&str>,
    city: Option<&str>,
    industry: Option<&str>,
    source: Option<&str>,
    level: Option<&str>,
) -> [String; 6] {
    let v = |x: Option<&str>| x.unwrap_or_default().to_string();
    [
        String::new(),
        v(province),
        format!("{}/{}", v(province), v(city)),
        v(industry),
        v(source),
        v(level),
    ]
}

/// The lifecycle stage a customer `c` has reached: 1 潜在, 2 意向, 3 成交 (the larger of its status's and
/// the furthest one before it).
pub(crate) const STAGE: &str =
    "max(CASE c.status WHEN 'intent' THEN 2 WHEN 'deal' THEN 3 ELSE 1 END, \
     coalesce(c.furthest_stage, 1))";

/// The dimensions the live book is counted by (customers report): the customer dimensions without the
/// whole, plus status and the stage reached.
pub(crate) fn book_dims() -> Vec<(&'static str, String)> {
    let mut dims: Vec<(&'static str, String)> = CUSTOMER_DIMS
        .iter()
        .map(|(d, v)| (*d, v.to_string()))
        .collect();
    dims.push(("status", "c.status".into()));
    dims.push(("stage", format!("CAST({STAGE} AS TEXT)")));
    dims
}

/// Whether a contract row `x` (NEW, OLD or a table alias) is counted as signed.
pub(crate) fn contract_counts(x: &str) -> String {
    format!(
        "({x}.status IN ('signed', 'active', 'completed') AND {x}.deleted_at IS NULL \
         AND {x}.customer_live = 1 AND {x}.signed_on IS NOT NULL)"
    )
}

/// Whether a contract row `x` is live with its customer (its receipts can count).
fn contract_live(x: &str) -> String {
    format!("({x}.deleted_at IS NULL AND {x}.customer_live = 1)")
}

/// Whether receipt `x` counts as received: it, its installment, its contract and the customer live.
pub(crate) fn receipt_counts(x: &str) -> String {
    format!(
        "({x}.deleted_at IS NULL AND EXISTS (SELECT 1 FROM installments i JOIN contracts ct ON ct.id = i.contract_id \
         WHERE i.id = {x}.installment_id AND i.deleted_at IS NULL AND ct.deleted_at IS NULL AND ct.customer_live = 1))"
    )
}

/// 成交周期 of an agg_customers row (its own columns): days from creation to first purchase, never
/// below zero.
pub(crate) const CYCLE: &str =
    "max(0, coalesce(CAST(julianday(first_day) - julianday(created_day) AS INTEGER), 0))";

/// The local calendar day of an epoch-milliseconds expression.
pub(crate) fn local_day(ms: &str) -> String {
    format!("date({ms} / 1000, 'unixepoch', 'localtime')")
}

/// The cube's measures.
pub(crate) const MEASURES: [&str; 8] = [
    "signed_amount",
    "signed_count",
    "received_amount",
    "received_count",
    "quantity_milli",
    "customers",
    "follow_ups",
    "planned",
];

const TABLES: &str = "
CREATE TABLE agg_sales (
    customer_id INTEGER NOT NULL,
    day         TEXT    NOT NULL,
    amount      INTEGER NOT NULL,
    contracts   INTEGER NOT NULL,
    PRIMARY KEY (customer_id, day)
) WITHOUT ROWID;
CREATE INDEX agg_sales_by_day ON agg_sales (day, customer_id, amount);
CREATE TABLE agg_collections (
    customer_id INTEGER NOT NULL,
    day         TEXT    NOT NULL,
    amount      INTEGER NOT NULL,
    receipts    INTEGER NOT NULL,
    PRIMARY KEY (customer_id, day)
) WITHOUT ROWID;
CREATE INDEX agg_collections_by_day ON agg_collections (day, customer_id, amount);
CREATE TABLE agg_customers (
    customer_id INTEGER PRIMARY KEY,
    created_day TEXT,
    first_day   TEXT,
    last_day    TEXT,
    purchases   INTEGER NOT NULL DEFAULT 0,
    signed      INTEGER NOT NULL DEFAULT 0,
    -- 成交周期: days from the customer's creation to its first purchase (a purchase before it was entered
    -- counts as the same day).
    cycle       INTEGER
);
CREATE INDEX agg_customers_by_first ON agg_customers (first_day, cycle) WHERE first_day IS NOT NULL;
CREATE INDEX agg_customers_by_signed ON agg_customers (signed, customer_id);
CREATE TABLE agg_years (
    year        TEXT    NOT NULL,
    customer_id INTEGER NOT NULL,
    amount      INTEGER NOT NULL,
    contracts   INTEGER NOT NULL,
    PRIMARY KEY (year, customer_id)
) WITHOUT ROWID;
CREATE INDEX agg_years_by_amount ON agg_years (year, amount, customer_id);
CREATE TABLE agg_cube (
    grain           TEXT    NOT NULL,
    dim             TEXT    NOT NULL,
    period          TEXT    NOT NULL,
    value           TEXT    NOT NULL,
    signed_amount   INTEGER NOT NULL DEFAULT 0,
    signed_count    INTEGER NOT NULL DEFAULT 0,
    received_amount INTEGER NOT NULL DEFAULT 0,
    received_count  INTEGER NOT NULL DEFAULT 0,
    quantity_milli  INTEGER NOT NULL DEFAULT 0,
    customers       INTEGER NOT NULL DEFAULT 0,
    follow_ups      INTEGER NOT NULL DEFAULT 0,
    planned         INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (grain, dim, period, value)
) WITHOUT ROWID;
CREATE TABLE agg_book (
    dim       TEXT    NOT NULL,
    value     TEXT    NOT NULL,
    customers INTEGER NOT NULL,
    PRIMARY KEY (dim, value)
) WITHOUT ROWID;
CREATE TABLE agg_owed (
    customer_id INTEGER PRIMARY KEY,
    open_amount INTEGER NOT NULL
);
CREATE INDEX agg_owed_by_amount ON agg_owed (open_amount, customer_id);
CREATE TABLE agg_state (generation INTEGER NOT NULL);
INSERT INTO agg_state (generation) VALUES (0);
";

pub(super) const TABLE_NAMES: [&str; 8] = [
    "agg_sales",
    "agg_collections",
    "agg_customers",
    "agg_years",
    "agg_cube",
    "agg_book",
    "agg_owed",
    "agg_state",
];

/// Adds the rows of `rows` (a SELECT with columns `dim, value, day` and some of [`MEASURES`], named) to
/// the cube at day and month grain.
pub(crate) fn cube_add(rows: &str, measures: &[&str]) -> String {
    let cols = measures.join(", ");
    let picked = measures
        .iter()
        .map(|m| format!("r.{m}"))
        .collect::<Vec<_>>()
        .join(", ");
    let sums = measures
        .iter()
        .map(|m| format!("{m} = {m} + excluded.{m}"))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "INSERT INTO agg_cube (grain, dim, period, value, {cols}) \
         SELECT g.grain, r.dim, CASE g.grain WHEN 'd' THEN r.day ELSE substr(r.day, 1, 7) END, r.value, {picked} \
         FROM ({rows}) r, (SELECT 'd' AS grain UNION ALL SELECT 'm') g WHERE r.day IS NOT NULL \
         ON CONFLICT (grain, dim, period, value) DO UPDATE SET {sums};"
    )
}

/// `CASE` over a dimension key `dim` giving each customer dimension's value over customer `c`.
pub(crate) fn dim_case(dim: &str, dims: &[(&str, String)]) -> String {
    let arms = dims
        .iter()
        .map(|(d, v)| format!("WHEN '{d}' THEN {v}"))
        .collect::<Vec<_>>()
        .join(" ");
    format!("coalesce(CASE {dim} {arms} END, '')")
}

/// `(VALUES ('a'), ('b'))` of dimension keys.
pub(crate) fn dim_keys(dims: &[(&str, String)]) -> String {
    let keys = dims
        .iter()
        .map(|(d, _)| format!("('{d}')"))
        .collect::<Vec<_>>()
        .join(", ");
    format!("(VALUES {keys})")
}

pub(crate) fn customer_dims() -> Vec<(&'static str, String)> {
    CUSTOMER_DIMS
        .iter()
        .map(|(d, v)| (*d, v.to_string()))
        .collect()
}

/// Adds a change of customer `id`'s purchases (`amount`, `count` contracts on `day`) to agg_sales when
/// `cond` holds, dropping the day once no contract is left on it.
fn sales_add(cond: &str, id: &str, day: &str, amount: &str, count: &str) -> String {
    format!(
        "INSERT INTO agg_sales (customer_id, day, amount, contracts) SELECT {id}, {day}, {amount}, {count} WHERE {cond} \
         ON CONFLICT (customer_id, day) DO UPDATE SET amount = amount + excluded.amount, \
         contracts = contracts + excluded.contracts; \
         DELETE FROM agg_sales WHERE {cond} AND customer_id = {id} AND day = {day} AND contracts = 0;"
    )
}

/// Adds `sign` × product lines (rows `l` with product_id, amount, quantity_milli and day, from `source`:
/// a FROM clause with its WHERE) to the product cube.
fn lines_add(source: &str, sign: &str) -> String {
    cube_add(
        &format!(
            "SELECT 'product' AS dim, coalesce(CAST(l.product_id AS TEXT), '') AS value, l.day AS day, \
             {sign} * sum(l.amount) AS signed_amount, {sign} * count(*) AS signed_count, \
             {sign} * sum(l.quantity_milli) AS quantity_milli FROM {source} GROUP BY l.product_id, l.day"
        ),
        &["signed_amount", "signed_count", "quantity_milli"],
    )
}

/// The lines of contract `ct` on its day `day`, when `cond` holds, as a source for [`lines_add`].
fn lines_of(contract: &str, day: &str, cond: &str) -> String {
    format!(
        "(SELECT product_id, amount, quantity_milli, {day} AS day FROM contract_lines \
         WHERE contract_id = {contract} AND {cond}) l"
    )
}

/// Adds `sign` × receipts (rows `r` with customer_id, received_on, amount and method, from `source`: a
/// FROM clause with its WHERE) to agg_collections and the payment-method cube.
fn receipts_add(source: &str, sign: &str) -> String {
    format!(
        "INSERT INTO agg_collections (customer_id, day, amount, receipts) \
         SELECT r.customer_id, r.received_on, {sign} * sum(r.amount), {sign} * count(*) FROM {source} \
         GROUP BY r.customer_id, r.received_on \
         ON CONFLICT (customer_id, day) DO UPDATE SET amount = amount + excluded.amount, \
         receipts = receipts + excluded.receipts; \
         DELETE FROM agg_collections WHERE receipts = 0 AND customer_id IN (SELECT r.customer_id FROM {source}); {}",
        cube_add(
            &format!(
                "SELECT 'method' AS dim, r.method AS value, r.received_on AS day, {sign} * sum(r.amount) AS received_amount, \
                 {sign} * count(*) AS received_count FROM {source} GROUP BY r.method, r.received_on"
            ),
            &["received_amount", "received_count"],
        )
    )
}

/// One receipt row `x` (NEW or OLD) as a source for [`receipts_add`], when `cond` holds.
fn receipt_row(x: &str, cond: &str) -> String {
    format!(
        "(SELECT {x}.customer_id AS customer_id, {x}.received_on AS received_on, {x}.amount AS amount, \
         {x}.method AS method WHERE {cond}) r"
    )
}

/// Adds `sign` × follow-ups (rows `f` with happened_at and kind, from `source`) to the cube.
fn follow_ups_add(source: &str, sign: &str) -> String {
    let day = local_day("f.happened_at");
    cube_add(
        &format!(
            "SELECT '' AS dim, '' AS value, {day} AS day, {sign} * count(*) AS follow_ups FROM {source} GROUP BY 3 \
             UNION ALL SELECT 'followUpKind', f.kind, {day}, {sign} * count(*) FROM {source} GROUP BY f.kind, 3"
        ),
        &["follow_ups"],
    )
}

/// Whether follow-up `x` counts: live, of a live customer.
fn follow_up_counts(x: &str) -> String {
    format!(
        "({x}.deleted_at IS NULL AND EXISTS (SELECT 1 FROM customers c WHERE c.id = {x}.customer_id AND c.deleted_at IS NULL))"
    )
}

/// One follow-up row `x` as a source for [`follow_ups_add`], when `cond` holds.
fn follow_up_row(x: &str, cond: &str) -> String {
    format!("(SELECT {x}.happened_at AS happened_at, {x}.kind AS kind WHERE {cond}) f")
}

/// Adds `sign` × customer `x` (NEW or OLD) to the book counts and its creation day's cube rows, when
/// `cond` holds.
fn customer_add(x: &str, cond: &str, sign: &str) -> String {
    let on = |v: &str| v.replace("c.", &format!("{x}."));
    let dims = book_dims();
    let book = dims
        .iter()
        .map(|(d, v)| format!("SELECT '{d}' AS dim, {} AS value", on(v)))
        .collect::<Vec<_>>()
        .join(" UNION ALL ");
    let day = local_day(&format!("{x}.created_at"));
    format!(
        "INSERT INTO agg_book (dim, value, customers) SELECT b.dim, b.value, {sign} FROM ({book}) b WHERE {cond} \
         ON CONFLICT (dim, value) DO UPDATE SET customers = customers + excluded.customers; {}",
        cube_add(
            &format!(
                "SELECT '' AS dim, '' AS value, {day} AS day, {sign} AS customers WHERE {cond} \
                 UNION ALL SELECT 'stage', CAST({} AS TEXT), {day}, {sign} WHERE {cond}",
                on(STAGE)
            ),
            &["customers"],
        )
    )
}

/// Adds `sign` × customer `x`'s purchases and receipts to the cube under its dimensions as in `x`
/// (without the whole book's row, which a change of dimensions does not move).
fn customer_money_add(x: &str, sign: &str) -> String {
    let on = |v: &str| v.replace("c.", &format!("{x}."));
    let dims: Vec<(&str, String)> = customer_dims()
        .into_iter()
        .filter(|(d, _)| !d.is_empty())
        .map(|(d, v)| (d, on(&v)))
        .collect();
    let moved = |table: &str, amount: &str, count: &str, n: &str| {
        cube_add(
            &format!(
                "SELECT v.column1 AS dim, {} AS value, s.day AS day, {sign} * s.amount AS {amount}, \
                 {sign} * s.{n} AS {count} FROM {table} s, {} v WHERE s.customer_id = {x}.id",
                dim_case("v.column1", &dims),
                dim_keys(&dims)
            ),
            &[amount, count],
        )
    };
    format!(
        "{} {}",
        moved("agg_sales", "signed_amount", "signed_count", "contracts"),
        moved(
            "agg_collections",
            "received_amount",
            "received_count",
            "receipts"
        )
    )
}

/// Adds a change (`amount`, `count`) on `day` of customer `id`'s purchases or receipts to the cube under
/// the customer's dimensions.
fn money_dims_add(id: &str, day: &str, amount: (&str, &str), count: (&str, &str)) -> String {
    let dims = customer_dims();
    cube_add(
        &format!(
            "SELECT v.column1 AS dim, {} AS value, {day} AS day, {} AS {}, {} AS {} \
             FROM {} v LEFT JOIN customers c ON c.id = {id}",
            dim_case("v.column1", &dims),
            amount.1,
            amount.0,
            count.1,
            count.0,
            dim_keys(&dims)
        ),
        &[amount.0, count.0],
    )
}

const BUMP: &str = "UPDATE agg_state SET generation = generation + 1;";

/// (name, SQL) of every trigger. Those named `…_insert` on a record table may be lifted by a bulk load.
pub(crate) fn triggers() -> Vec<(String, String)> {
    let mut t = Vec::new();
    let mut add = |name: &str, head: String, body: String| {
        t.push((
            format!("agg_{name}"),
            format!("CREATE TRIGGER agg_{name} {head} BEGIN {body} END"),
        ));
    };
    let (counted_new, counted_old) = (contract_counts("NEW"), contract_counts("OLD"));

    // Contracts: the purchase, and its lines in the product cube.
    add(
        "contracts_insert",
        format!("AFTER INSERT ON contracts WHEN {counted_new}"),
        format!(
            "{} {}",
            sales_add("1", "NEW.customer_id", "NEW.signed_on", "NEW.amount", "1"),
            lines_add(&lines_of("NEW.id", "NEW.signed_on", "1"), "1")
        ),
    );
    add(
        "contracts_delete",
        format!("AFTER DELETE ON contracts WHEN {counted_old}"),
        format!(
            "{} {}",
            sales_add("1", "OLD.customer_id", "OLD.signed_on", "-OLD.amount", "-1"),
            lines_add(&lines_of("OLD.id", "OLD.signed_on", "1"), "-1")
        ),
    );
    add(
        "contracts_update",
        format!(
            "AFTER UPDATE OF status, deleted_at, customer_live, signed_on, amount, customer_id ON contracts \
             WHEN ({counted_old} OR {counted_new}) AND NOT ({counted_old} AND {counted_new} \
             AND OLD.customer_id = NEW.customer_id AND OLD.signed_on = NEW.signed_on AND OLD.amount = NEW.amount)"
        ),
        format!(
            "{} {} {} {}",
            sales_add(&counted_old, "OLD.customer_id", "OLD.signed_on", "-OLD.amount", "-1"),
            sales_add(&counted_new, "NEW.customer_id", "NEW.signed_on", "NEW.amount", "1"),
            lines_add(&lines_of("OLD.id", "OLD.signed_on", &counted_old), "-1"),
            lines_add(&lines_of("NEW.id", "NEW.signed_on", &counted_new), "1"),
        ),
    );
    // A contract (or its customer) trashed or restored takes its receipts out of, or back into, 回款.
    let (live_old, live_new) = (contract_live("OLD"), contract_live("NEW"));
    let receipts_of_contract = format!(
        "receipts r WHERE r.contract_id = NEW.id AND r.deleted_at IS NULL \
         AND EXISTS (SELECT 1 FROM installments i WHERE i.id = r.installment_id AND i.deleted_at IS NULL)"
    );
    add(
        "contracts_receipts",
        format!("AFTER UPDATE OF deleted_at, customer_live ON contracts WHEN {live_old} IS NOT {live_new}"),
        receipts_add(
            &receipts_of_contract,
            &format!("(CASE WHEN {live_new} THEN 1 ELSE -1 END)"),
        ),
    );

    // Lines: while their contract counts.
    let line_row = |x: &str| {
        format!(
            "(SELECT {x}.product_id AS product_id, {x}.amount AS amount, {x}.quantity_milli AS quantity_milli, \
             ct.signed_on AS day FROM contracts ct WHERE ct.id = {x}.contract_id AND {}) l",
            contract_counts("ct")
        )
    };
    add(
        "contract_lines_insert",
        "AFTER INSERT ON contract_lines".into(),
        lines_add(&line_row("NEW"), "1"),
    );
    add(
        "contract_lines_delete",
        "AFTER DELETE ON contract_lines".into(),
        lines_add(&line_row("OLD"), "-1"),
    );
    add(
        "contract_lines_update",
        "AFTER UPDATE OF product_id, amount, quantity_milli, contract_id ON contract_lines".into(),
        format!(
            "{} {}",
            lines_add(&line_row("OLD"), "-1"),
            lines_add(&line_row("NEW"), "1")
        ),
    );

    // What the payment plans ask for, by due day: counted installments (owed now).
    let planned = |x: &str, cond: &str, sign: &str| {
        cube_add(
            &format!(
                "SELECT '' AS dim, '' AS value, {x}.due_on AS day, {sign} * {x}.amount AS planned WHERE {cond}"
            ),
            &["planned"],
        )
    };
    // What each customer still owes: counted installments not fully received.
    let open = |x: &str| {
        format!("(CASE WHEN {x}.counted = 1 AND {x}.received < {x}.amount THEN {x}.amount - {x}.received ELSE 0 END)")
    };
    let owed = |x: &str, sign: &str| {
        format!(
            "INSERT INTO agg_owed (customer_id, open_amount) SELECT {x}.customer_id, {sign} * {} WHERE {} <> 0 \
             ON CONFLICT (customer_id) DO UPDATE SET open_amount = open_amount + excluded.open_amount; \
             DELETE FROM agg_owed WHERE customer_id = {x}.customer_id AND open_amount = 0;",
            open(x),
            open(x)
        )
    };
    add(
        "installments_insert",
        "AFTER INSERT ON installments".into(),
        format!(
            "{} {}",
            planned("NEW", "NEW.counted = 1", "1"),
            owed("NEW", "1")
        ),
    );
    add(
        "installments_delete",
        "AFTER DELETE ON installments".into(),
        format!(
            "{} {}",
            planned("OLD", "OLD.counted = 1", "-1"),
            owed("OLD", "-1")
        ),
    );
    add(
        "installments_owed",
        format!(
            "AFTER UPDATE OF counted, received, amount, customer_id ON installments \
             WHEN {} IS NOT {} OR OLD.customer_id IS NOT NEW.customer_id",
            open("OLD"),
            open("NEW")
        ),
        format!("{} {}", owed("OLD", "-1"), owed("NEW", "1")),
    );
    add(
        "installments_planned",
        "AFTER UPDATE OF counted, due_on, amount ON installments WHEN (OLD.counted = 1 OR NEW.counted = 1) \
         AND (OLD.counted IS NOT NEW.counted OR OLD.due_on IS NOT NEW.due_on OR OLD.amount IS NOT NEW.amount)"
            .into(),
        format!(
            "{} {}",
            planned("OLD", "OLD.counted = 1", "-1"),
            planned("NEW", "NEW.counted = 1", "1")
        ),
    );

    // An installment trashed or restored takes its receipts with it.
    add(
        "installments_update",
        "AFTER UPDATE OF deleted_at ON installments \
         WHEN (OLD.deleted_at IS NULL) IS NOT (NEW.deleted_at IS NULL)"
            .into(),
        receipts_add(
            "receipts r WHERE r.installment_id = NEW.id AND r.deleted_at IS NULL \
             AND EXISTS (SELECT 1 FROM contracts ct WHERE ct.id = NEW.contract_id AND ct.deleted_at IS NULL \
             AND ct.customer_live = 1)",
            "(CASE WHEN NEW.deleted_at IS NULL THEN 1 ELSE -1 END)",
        ),
    );

    // Receipts.
    let (receipt_new, receipt_old) = (receipt_counts("NEW"), receipt_counts("OLD"));
    add(
        "receipts_insert",
        format!("AFTER INSERT ON receipts WHEN {receipt_new}"),
        receipts_add(&receipt_row("NEW", "1"), "1"),
    );
    add(
        "receipts_delete",
        format!("AFTER DELETE ON receipts WHEN {receipt_old}"),
        receipts_add(&receipt_row("OLD", "1"), "-1"),
    );
    add(
        "receipts_update",
        format!(
            "AFTER UPDATE OF deleted_at, amount, received_on, method, customer_id, installment_id ON receipts \
             WHEN {receipt_old} OR {receipt_new}"
        ),
        format!(
            "{} {}",
            receipts_add(&receipt_row("OLD", &receipt_old), "-1"),
            receipts_add(&receipt_row("NEW", &receipt_new), "1")
        ),
    );

    // Purchases and receipts per customer feed the cube under the customer's dimensions; purchases also
    // each customer's totals and years.
    let created = format!(
        "(SELECT {} FROM customers c WHERE c.id = NEW.customer_id)",
        local_day("c.created_at")
    );
    add(
        "sales_insert",
        "AFTER INSERT ON agg_sales".into(),
        format!(
            "{} INSERT INTO agg_customers (customer_id, created_day, first_day, last_day, purchases, signed) \
             SELECT NEW.customer_id, {created}, NEW.day, NEW.day, 1, NEW.amount WHERE true \
             ON CONFLICT (customer_id) DO UPDATE SET first_day = min(coalesce(first_day, excluded.first_day), excluded.first_day), \
             last_day = max(coalesce(last_day, excluded.last_day), excluded.last_day), purchases = purchases + 1, \
             signed = signed + excluded.signed; \
             INSERT INTO agg_years (year, customer_id, amount, contracts) \
             VALUES (substr(NEW.day, 1, 4), NEW.customer_id, NEW.amount, NEW.contracts) \
             ON CONFLICT (year, customer_id) DO UPDATE SET amount = amount + excluded.amount, \
             contracts = contracts + excluded.contracts; {BUMP}",
            money_dims_add(
                "NEW.customer_id",
                "NEW.day",
                ("signed_amount", "NEW.amount"),
                ("signed_count", "NEW.contracts")
            )
        ),
    );
    add(
        "sales_update",
        "AFTER UPDATE ON agg_sales".into(),
        format!(
            "{} UPDATE agg_customers SET signed = signed + NEW.amount - OLD.amount WHERE customer_id = NEW.customer_id; \
             UPDATE agg_years SET amount = amount + NEW.amount - OLD.amount, contracts = contracts + NEW.contracts - OLD.contracts \
             WHERE year = substr(NEW.day, 1, 4) AND customer_id = NEW.customer_id; \
             DELETE FROM agg_years WHERE year = substr(NEW.day, 1, 4) AND customer_id = NEW.customer_id AND contracts = 0; {BUMP}",
            money_dims_add(
                "NEW.customer_id",
                "NEW.day",
                ("signed_amount", "NEW.amount - OLD.amount"),
                ("signed_count", "NEW.contracts - OLD.contracts")
            )
        ),
    );
    add(
        "sales_delete",
        "AFTER DELETE ON agg_sales".into(),
        format!(
            "{} UPDATE agg_customers SET purchases = purchases - 1, signed = signed - OLD.amount, \
             first_day = (SELECT min(day) FROM agg_sales WHERE customer_id = OLD.customer_id), \
             last_day = (SELECT max(day) FROM agg_sales WHERE customer_id = OLD.customer_id) \
             WHERE customer_id = OLD.customer_id; \
             DELETE FROM agg_customers WHERE customer_id = OLD.customer_id AND purchases = 0; \
             UPDATE agg_years SET amount = amount - OLD.amount, contracts = contracts - OLD.contracts \
             WHERE year = substr(OLD.day, 1, 4) AND customer_id = OLD.customer_id; \
             DELETE FROM agg_years WHERE year = substr(OLD.day, 1, 4) AND customer_id = OLD.customer_id AND contracts = 0; {BUMP}",
            money_dims_add(
                "OLD.customer_id",
                "OLD.day",
                ("signed_amount", "-OLD.amount"),
                ("signed_count", "-OLD.contracts")
            )
        ),
    );
    add(
        "collections_insert",
        "AFTER INSERT ON agg_collections".into(),
        format!(
            "{} {BUMP}",
            money_dims_add(
                "NEW.customer_id",
                "NEW.day",
                ("received_amount", "NEW.amount"),
                ("received_count", "NEW.receipts")
            )
        ),
    );
    add(
        "collections_update",
        "AFTER UPDATE ON agg_collections".into(),
        format!(
            "{} {BUMP}",
            money_dims_add(
                "NEW.customer_id",
                "NEW.day",
                ("received_amount", "NEW.amount - OLD.amount"),
                ("received_count", "NEW.receipts - OLD.receipts")
            )
        ),
    );
    add(
        "collections_delete",
        "AFTER DELETE ON agg_collections".into(),
        format!(
            "{} {BUMP}",
            money_dims_add(
                "OLD.customer_id",
                "OLD.day",
                ("received_amount", "-OLD.amount"),
                ("received_count", "-OLD.receipts")
            )
        ),
    );

    // Each purchaser's deal cycle follows its first purchase and creation day.
    let cycle =
        format!("UPDATE agg_customers SET cycle = {CYCLE} WHERE customer_id = NEW.customer_id;");
    add(
        "purchasers_insert",
        "AFTER INSERT ON agg_customers".into(),
        cycle.clone(),
    );
    add(
        "purchasers_first",
        "AFTER UPDATE OF first_day, created_day ON agg_customers \
         WHEN OLD.first_day IS NOT NEW.first_day OR OLD.created_day IS NOT NEW.created_day"
            .into(),
        cycle,
    );

    // Customers: the live book's counts, new customers and the stage they reached by creation day; a
    // change of region, industry, source or level moves their money in the cube; a trash or restore
    // takes their follow-ups along.
    add(
        "customers_insert",
        "AFTER INSERT ON customers WHEN NEW.deleted_at IS NULL".into(),
        customer_add("NEW", "1", "1"),
    );
    add(
        "customers_delete",
        "AFTER DELETE ON customers WHEN OLD.deleted_at IS NULL".into(),
        customer_add("OLD", "1", "-1"),
    );
    let changed = |cols: &[&str]| {
        cols.iter()
            .map(|c| format!("OLD.{c} IS NOT NEW.{c}"))
            .collect::<Vec<_>>()
            .join(" OR ")
    };
    let book_cols = [
        "deleted_at",
        "status",
        "furthest_stage",
        "level",
        "province",
        "city",
        "industry",
        "source",
        "created_at",
    ];
    add(
        "customers_update",
        format!(
            "AFTER UPDATE OF {} ON customers WHEN {}",
            book_cols.join(", "),
            changed(&book_cols)
        ),
        format!(
            "{} {}",
            customer_add("OLD", "OLD.deleted_at IS NULL", "-1"),
            customer_add("NEW", "NEW.deleted_at IS NULL", "1")
        ),
    );
    let dim_cols = ["province", "city", "industry", "source", "level"];
    add(
        "customers_dims",
        format!(
            "AFTER UPDATE OF {} ON customers WHEN {}",
            dim_cols.join(", "),
            changed(&dim_cols)
        ),
        format!(
            "{} {}",
            customer_money_add("OLD", "-1"),
            customer_money_add("NEW", "1")
        ),
    );
    add(
        "customers_follow_ups",
        "AFTER UPDATE OF deleted_at ON customers \
         WHEN (OLD.deleted_at IS NULL) IS NOT (NEW.deleted_at IS NULL)"
            .into(),
        follow_ups_add(
            "follow_ups f WHERE f.customer_id = NEW.id AND f.deleted_at IS NULL",
            "(CASE WHEN NEW.deleted_at IS NULL THEN 1 ELSE -1 END)",
        ),
    );
    add(
        "customers_created",
        "AFTER UPDATE OF created_at ON customers WHEN OLD.created_at IS NOT NEW.created_at".into(),
        format!(
            "UPDATE agg_customers SET created_day = {} WHERE customer_id = NEW.id;",
            local_day("NEW.created_at")
        ),
    );

    // Follow-ups.
    let (fu_new, fu_old) = (follow_up_counts("NEW"), follow_up_counts("OLD"));
    add(
        "follow_ups_insert",
        format!("AFTER INSERT ON follow_ups WHEN {fu_new}"),
        follow_ups_add(&follow_up_row("NEW", "1"), "1"),
    );
    add(
        "follow_ups_delete",
        format!("AFTER DELETE ON follow_ups WHEN {fu_old}"),
        follow_ups_add(&follow_up_row("OLD", "1"), "-1"),
    );
    add(
        "follow_ups_update",
        format!(
            "AFTER UPDATE OF deleted_at, happened_at, kind, customer_id ON follow_ups WHEN {fu_old} OR {fu_new}"
        ),
        format!(
            "{} {}",
            follow_ups_add(&follow_up_row("OLD", &fu_old), "-1"),
            follow_ups_add(&follow_up_row("NEW", &fu_new), "1")
        ),
    );
    t
}

/// Drops every derived table and trigger (a new version makes them again).
pub(super) async fn drop_all(conn: &mut SqliteConnection) -> Result<()> {
    let triggers: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'agg\\_%' ESCAPE '\\'",
    )
    .fetch_all(&mut *conn)
    .await?;
    for name in triggers {
        sqlx::query(&format!("DROP TRIGGER \"{name}\""))
            .execute(&mut *conn)
            .await?;
    }
    for table in TABLE_NAMES {
        sqlx::query(&format!("DROP TABLE IF EXISTS {table}"))
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Creates the derived tables (empty).
pub(super) async fn create(conn: &mut SqliteConnection) -> Result<()> {
    for statement in TABLES.split(';').map(str::trim).filter(|s| !s.is_empty()) {
        sqlx::query(statement).execute(&mut *conn).await?;
    }
    Ok(())
}
