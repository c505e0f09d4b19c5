//! The UI's command table, written from the one command list: each command's arguments and result as
//! TypeScript types (read from the command's own signature) and the caches it makes stale. A test writes
//! it to `ui/src/api/commands.ts`, and CI fails when the committed file differs.

use std::collections::BTreeSet;

/// What the window caches, named by the first part of its query keys: a command that changes records
/// names the caches that then hold stale answers, and the UI refreshes them after it succeeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Cache {
    StoreStatus,
    Settings,
    Customers,
    /// The counts of the customer lists alone (an edit patches the rows it shows in place).
    CustomerCounts,
    Customer,
    Tags,
    Contacts,
    Timeline,
    Today,
    Search,
    Duplicates,
    DuplicateScan,
    Imports,
    Documents,
    Products,
    Contracts,
    Contract,
    Receivables,
    Trash,
    Reports,
}

impl Cache {
    pub const ALL: [Cache; 20] = [
        Cache::StoreStatus,
        Cache::Settings,
        Cache::Customers,
        Cache::CustomerCounts,
        Cache::Customer,
        Cache::Tags,
        Cache::Contacts,
        Cache::Timeline,
        Cache::Today,
        Cache::Search,
        Cache::Duplicates,
        Cache::DuplicateScan,
        Cache::Imports,
        Cache::Documents,
        Cache::Products,
        Cache::Contracts,
        Cache::Contract,
        Cache::Receivables,
        Cache::Trash,
        Cache::Reports,
    ];

    /// The start of the query keys this cache holds, its parts joined by dots.
    pub fn key(self) -> &'static str {
        match self {
            Cache::StoreStatus => "storeStatus",
            Cache::Settings => "settings",
            Cache::Customers => "customers",
            Cache::CustomerCounts => "customers.count",
            Cache::Customer => "customer",
            Cache::Tags => "tags",
            Cache::Contacts => "contacts",
            Cache::Timeline => "timeline",
            Cache::Today => "today",
            Cache::Search => "search",
            Cache::Duplicates => "duplicates",
            Cache::DuplicateScan => "duplicateScan",
            Cache::Imports => "imports",
            Cache::Documents => "documents",
            Cache::Products => "products",
            Cache::Contracts => "contracts",
            Cache::Contract => "contract",
            Cache::Receivables => "receivables",
            Cache::Trash => "trash",
            Cache::Reports => "reports",
        }
    }
}

/// One command the window may call.
#[derive(Debug, Clone, Copy)]
pub struct Command {
    pub name: &'static str,
    /// The source of the command's module, where its signature is read from.
    pub source: &'static str,
    pub invalidates: &'static [Cache],
}

/// A command's arguments as the window passes them (camelCase names, TypeScript types) and its result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    pub args: Vec<(String, String)>,
    pub result: String,
}

impl Command {
    /// Reads the command's signature from its module. Parameters the shell fills in (the state, the app
    /// handle) are left out; a progress channel is an argument like any other.
    pub fn signature(&self) -> Result<Signature, String> {
        let start = [
            format!("pub async fn {}(", self.name),
            format!("pub async fn {}<", self.name),
            format!("pub fn {}(", self.name),
        ]
        .iter()
        .find_map(|p| self.source.find(p.as_str()))
        .ok_or_else(|| format!("{}: no such function in its module", self.name))?;
        let rest = &self.source[start..];
        let open = rest.find('(').expect("a function has parameters");
        let close =
            matching(rest, open).ok_or_else(|| format!("{}: unbalanced parameters", self.name))?;
        let params = &rest[open + 1..close];
        let after = &rest[close + 1..];
        let body = after.find('{').unwrap_or(after.len());
        let returns = after[..body].trim();
        let result = returns
            .strip_prefix("->")
            .map(str::trim)
            .ok_or_else(|| format!("{}: a command returns a Reply", self.name))?;
        let result = inner(result, "Reply")
            .ok_or_else(|| format!("{}: a command returns Reply<T>, not {result}", self.name))?;
        let mut args = Vec::new();
        for param in split_top(params) {
            let Some((name, ty)) = param.split_once(':') else {
                continue;
            };
            let (name, ty) = (name.trim(), ty.trim());
            let filled_in = [
                "State<",
                "AppHandle<",
                "tauri::State<",
                "tauri::AppHandle<",
                "Window<",
                "WebviewWindow<",
            ];
            if filled_in.iter().any(|p| ty.starts_with(p)) {
                continue;
            }
            args.push((camel(name), typescript(ty)?));
        }
        Ok(Signature {
            args,
            result: typescript(result)?,
        })
    }
}

/// The TypeScript file of the command table.
pub fn typescript_table(commands: &[Command]) -> Result<String, String> {
    let mut named = BTreeSet::new();
    let mut lines = Vec::new();
    for c in commands {
        let sig = c.signature()?;
        for ty in sig.args.iter().map(|(_, t)| t).chain([&sig.result]) {
            names_in(ty, &mut named);
        }
        let args = if sig.args.is_empty() {
            "Record<never, never>".to_string()
        } else {
            let fields: Vec<String> = sig.args.iter().map(|(n, t)| format!("{n}: {t}")).collect();
            format!("{{ {} }}", fields.join("; "))
        };
        lines.push(format!(
            "  {}: {{ args: {args}; result: {} }};",
            c.name, sig.result
        ));
    }
    let mut out = String::from(
        "// Written by `cargo test` from the command list in src-tauri/src/commands/mod.rs. Do not edit.\n",
    );
    if named.contains("Channel") {
        out.push_str("import type { Channel } from \"@tauri-apps/api/core\";\n");
    }
    for n in named.iter().filter(|n| *n != "Channel") {
        out.push_str(&format!("import type {{ {n} }} from \"./bindings/{n}\";\n"));
    }
    out.push_str("\n/** What the window caches, named by the start of its query keys (parts joined by dots). */\n");
    let caches: Vec<String> = Cache::ALL
        .iter()
        .map(|c| format!("\"{}\"", c.key()))
        .collect();
    out.push_str(&format!("export type Cache = {};\n\n", caches.join(" | ")));
    out.push_str("/** Every command the window may call: its arguments and its result. */\nexport interface Commands {\n");
    for l in &lines {
        out.push_str(l);
        out.push('\n');
    }
    out.push_str("}\n\nexport type CommandName = keyof Commands;\n\n");
    out.push_str("/** The caches each command makes stale when it succeeds. */\n");
    out.push_str(
        "export const INVALIDATES: { readonly [K in CommandName]: readonly Cache[] } = {\n",
    );
    for c in commands {
        let caches: Vec<String> = c
            .invalidates
            .iter()
            .map(|k| format!("\"{}\"", k.key()))
            .collect();
        out.push_str(&format!("  {}: [{}],\n", c.name, caches.join(", ")));
    }
    out.push_str("};\n");
    Ok(out)
}

/// The index of the `)` that closes the `(` at `open`.
fn matching(s: &str, open: usize) -> Option<usize> {
    let mut depth = 0;
    for (i, ch) in s[open..].char_indices() {
        match ch {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Splits at the commas outside any `<>`, `()` or `[]`.
fn split_top(s: &str) -> Vec<&str> {
    let (mut out, mut depth, mut from) = (Vec::new(), 0i32, 0);
    for (i, ch) in s.char_indices() {
        match ch {
            '<' | '(' | '[' => depth += 1,
            '>' | ')' | ']' => depth -= 1,
            ',' if depth == 0 => {
                out.push(&s[from..i]);
                from = i + 1;
            }
            _ => {}
        }
    }
    out.push(&s[from..]);
    out.into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// `T` of `Wrapper<T>` (with or without a path before `Wrapper`).
fn inner<'a>(ty: &'a str, wrapper: &str) -> Option<&'a str> {
    let last = ty.rsplit("::").next().unwrap_or(ty);
    let ty = if last.starts_with(wrapper) {
        &ty[ty.len() - last.len()..]
    } else {
        ty
    };
    ty.strip_prefix(wrapper)?
        .trim()
        .strip_prefix('<')?
        .strip_suffix('>')
        .map(str::trim)
}

/// The TypeScript type the window sees for a Rust type of a command's signature.
fn typescript(ty: &str) -> Result<String, String> {
    let ty = ty.trim().trim_start_matches('&').trim();
    if ty == "()" {
        return Ok("null".into());
    }
    if let Some(t) = inner(ty, "Option") {
        return Ok(format!("{} | null", typescript(t)?));
    }
    if let Some(t) = inner(ty, "Vec") {
        let t = typescript(t)?;
        return Ok(if t.contains(' ') {
            format!("Array<{t}>")
        } else {
            format!("{t}[]")
        });
    }
    if let Some(t) = inner(ty, "Channel") {
        return Ok(format!("Channel<{}>", typescript(t)?));
    }
    if ty.starts_with('(') {
        let parts: Result<Vec<String>, String> = split_top(&ty[1..ty.len() - 1])
            .into_iter()
            .map(typescript)
            .collect();
        return Ok(format!("[{}]", parts?.join(", ")));
    }
    let name = ty.rsplit("::").next().unwrap_or(ty);
    Ok(match name {
        "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" | "usize" | "isize" | "f32"
        | "f64" => "number".into(),
        "String" | "str" | "PathBuf" => "string".into(),
        "bool" => "boolean".into(),
        // Raw bytes: the window receives an ArrayBuffer.
        "Response" => "ArrayBuffer".into(),
        n if n.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && n.chars().all(|c| c.is_ascii_alphanumeric()) =>
        {
            n.into()
        }
        other => return Err(format!("no TypeScript type for `{other}`")),
    })
}

/// The named types (bindings) a TypeScript type refers to.
fn names_in(ty: &str, out: &mut BTreeSet<String>) {
    for word in ty.split(|c: char| !c.is_ascii_alphanumeric()) {
        let builtin = [
            "Array",
            "Record",
            "ArrayBuffer",
            "null",
            "number",
            "string",
            "boolean",
            "never",
        ];
        if word.chars().next().is_some_and(|c| c.is_ascii_uppercase()) && !builtin.contains(&word) {
            out.insert(word.to_string());
        }
    }
}

/// `customer_id` → `customerId`, as Tauri names command arguments.
fn camel(name: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for ch in name.chars() {
        if ch == '_' {
            upper = true;
        } else if upper {
            out.extend(ch.to_uppercase());
            upper = false;
        } else {
            out.push(ch);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rust_types_read_as_the_types_the_window_receives() {
        assert_eq!(typescript("i64").unwrap(), "number");
        assert_eq!(typescript("Option<i64>").unwrap(), "number | null");
        assert_eq!(
            typescript("Vec<crm_core::duplicate::DuplicateHint>").unwrap(),
            "DuplicateHint[]"
        );
        assert_eq!(
            typescript("Vec<Option<String>>").unwrap(),
            "Array<string | null>"
        );
        assert_eq!(
            typescript("Channel<ExportProgress>").unwrap(),
            "Channel<ExportProgress>"
        );
        assert_eq!(typescript("()").unwrap(), "null");
        assert!(typescript("HashMap<String, i64>").is_err());
        assert_eq!(camel("customer_id"), "customerId");
    }

    #[test]
    fn a_signature_leaves_out_what_the_shell_fills_in() {
        let source = "#[tauri::command]\npub async fn open_document<R: Runtime>(\n    app: AppHandle<R>,\n    state: State<'_, AppState>,\n    id: i64,\n    on_progress: Channel<ExportProgress>,\n) -> Reply<Option<String>> {\n    todo!()\n}\n";
        let c = Command {
            name: "open_document",
            source,
            invalidates: &[],
        };
        let sig = c.signature().unwrap();
        assert_eq!(
            sig.args,
            [
                ("id".to_string(), "number".to_string()),
                (
                    "onProgress".to_string(),
                    "Channel<ExportProgress>".to_string()
                )
            ]
        );
        assert_eq!(sig.result, "string | null");
    }
}
