#!/usr/bin/env python3
"""Finds files that use a file that uses them back, in the Rust crates and in the UI.

A Rust file uses another when it names an item defined there (through `use` or a `crate::`/`super::` path);
a re-export (`pub use`) is followed to the file that defines the item, so a module's facade is not a use of
its own children. A UI file uses another when it imports it. Exits 1 and prints each circle when any exists.
"""

import os
import re
import sys
from collections import defaultdict

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), ".."))


# ---------------------------------------------------------------- Rust

def rust_modules(src):
    """Module path (tuple) -> file, for a crate whose root is src/lib.rs."""
    mods = {(): os.path.join(src, "lib.rs")}
    for dirpath, _, files in os.walk(src):
        rel = os.path.relpath(dirpath, src)
        parts = () if rel == "." else tuple(rel.split(os.sep))
        if parts and parts[0] == "bin":
            continue
        for f in files:
            if not f.endswith(".rs") or (not parts and f in ("lib.rs", "main.rs")):
                continue
            name = f[:-3]
            path = parts if name == "mod" else parts + (name,)
            mods[path] = os.path.join(dirpath, f)
    return mods


def strip_tests(text):
    """The file without its `#[cfg(test)]` module (tests may use anything of their own file)."""
    m = re.search(r"#\[cfg\(test\)\]\s*(pub(\(crate\))?\s+)?mod\s+\w+\s*\{", text)
    return text[: m.start()] if m else text


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return re.sub(r"//[^\n]*", "", text)


def expand(tree):
    """`a::{b, c::{d, e as f}}` -> ['a::b', 'a::c::d', 'a::c::e'] (aliases dropped, `self` folded)."""
    tree = re.sub(r"\s+", "", tree)
    m = re.match(r"^(.*?)\{(.*)\}$", tree)
    if not m:
        tree = re.sub(r"\bas\w+$", "", tree) if "as" in tree and re.search(r"::\w+as\w+$", tree) else tree
        tree = tree.split("as")[0] if re.fullmatch(r"[\w:]+as\w+", tree) and not tree.endswith("as") else tree
        return [tree[:-6] if tree.endswith("::self") else tree]
    prefix, inner = m.group(1), m.group(2)
    items, depth, cur = [], 0, ""
    for ch in inner:
        if ch == "," and depth == 0:
            items.append(cur)
            cur = ""
            continue
        depth += ch == "{"
        depth -= ch == "}"
        cur += ch
    items.append(cur)
    out = []
    for it in items:
        if it:
            for e in expand(it):
                out.append(prefix + e if e != "self" else prefix.rstrip(":"))
    return out


USE_RE = re.compile(r"\b(pub(?:\([\w:]+\))?\s+)?use\s+([^;]+);")
PATH_RE = re.compile(r"(?<![\w:])((?:crate|super|self)(?:::\w+)+)")
CHILD_RE = re.compile(r"(?<![\w:])((?!crate|super|self|std|sqlx|serde|chrono|tokio)[a-z_][a-z0-9_]*(?:::\w+)+)")


def uses_of(text):
    """(is_reexport, path) for every use tree and inline path of a file."""
    out = []
    for m in USE_RE.finditer(text):
        for p in expand(m.group(2)):
            p = re.sub(r"as\w+$", "", p) if re.search(r"[a-z0-9_]as[A-Za-z_]\w*$", p) and " as " in m.group(2) else p
            out.append((bool(m.group(1)), p))
    body = USE_RE.sub("", text)
    for m in PATH_RE.finditer(body):
        out.append((False, m.group(1)))
    # A path that starts at a child module (`dashboard::build(…)`), resolved by the caller.
    for m in CHILD_RE.finditer(body):
        out.append((False, "self::" + m.group(1)))
    return out


def absolute(mod, path, crate):
    segs = path.split("::")
    if segs[0] == "crate" or segs[0] == crate:
        return (), segs[1:]
    base = list(mod)
    i = 0
    while i < len(segs) and segs[i] in ("super", "self"):
        if segs[i] == "super":
            base = base[:-1]
        i += 1
    return tuple(base), segs[i:]


def analyse_rust(src, crate):
    mods = rust_modules(src)
    texts = {}
    for path, f in mods.items():
        with open(f, encoding="utf-8") as fh:
            texts[path] = strip_tests(strip_comments(fh.read()))
    reexports = defaultdict(dict)  # module -> name -> (module, rest)
    globs = defaultdict(list)
    raw = {}
    for mod, text in texts.items():
        raw[mod] = []
        for is_pub, p in uses_of(text):
            if p.startswith("self::") and (mod + (p.split("::")[1],)) not in mods:
                continue
            base, segs = absolute(mod, p, crate)
            if segs and segs[0] not in ("crate", "super", "self") and not p.startswith(("crate", "super", "self", crate)):
                # `use std::…`, `use sqlx::…`, or a child module named without `self::`.
                if (mod + (segs[0],)) in mods:
                    base = mod
                else:
                    continue
            raw[mod].append((is_pub, base, segs))
            if is_pub:
                if segs and segs[-1] == "*":
                    globs[mod].append((base, segs[:-1]))
                elif segs:
                    reexports[mod][segs[-1]] = (base, segs)

    def resolve(base, segs, seen=0):
        cur = base
        i = 0
        while i < len(segs) and cur + (segs[i],) in mods:
            cur = cur + (segs[i],)
            i += 1
        if i < len(segs) and seen < 10:
            name = segs[i]
            if name in reexports[cur]:
                b, s = reexports[cur][name]
                return resolve(b, s, seen + 1)
            defined = re.search(r"\b(fn|struct|enum|trait|type|const|static|mod)\s+" + re.escape(name) + r"\b", texts[cur])
            if not defined:
                for b, s in globs[cur]:
                    r = resolve(b, s + [name], seen + 1)
                    if r != resolve(b, s, seen + 1):
                        return r
        return cur

    edges = defaultdict(set)
    for mod, items in raw.items():
        for is_pub, base, segs in items:
            if is_pub:
                continue
            target = resolve(base, segs)
            if target != mod and target != ():
                edges[mod].add(target)
            elif target == () and segs and mod != ():
                edges[mod].add(())
    name = {m: os.path.relpath(f, ROOT) for m, f in mods.items()}
    return {name[a]: {name[b] for b in bs} for a, bs in edges.items()}, set(name.values())


# ---------------------------------------------------------------- TypeScript

TS_IMPORT = re.compile(r"""(?:import|export)\s[^;]*?from\s+["'](\.[^"']+)["']""", re.S)


def analyse_ts(src):
    files = []
    for dirpath, _, fs in os.walk(src):
        for f in fs:
            if f.endswith((".ts", ".tsx")) and not re.search(r"\.test\.tsx?$", f) and "bindings" not in dirpath:
                files.append(os.path.join(dirpath, f))
    edges = defaultdict(set)
    for f in files:
        with open(f, encoding="utf-8") as fh:
            text = fh.read()
        for m in TS_IMPORT.finditer(text):
            if re.match(r"import\s+type\b", text[m.start():m.start() + 12]):
                continue
            target = os.path.normpath(os.path.join(os.path.dirname(f), m.group(1)))
            for cand in (target + ".ts", target + ".tsx", os.path.join(target, "index.ts")):
                if os.path.exists(cand):
                    edges[os.path.relpath(f, ROOT)].add(os.path.relpath(cand, ROOT))
                    break
    return edges, {os.path.relpath(f, ROOT) for f in files}


# ---------------------------------------------------------------- circles

def circles(edges, nodes):
    """Strongly connected components of more than one file (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]
    sys.setrecursionlimit(10000)

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(nodes):
        if v not in index:
            visit(v)
    return out


def main():
    found = []
    for src, crate in ((os.path.join(ROOT, "src-tauri/core/src"), "crm_core"), (os.path.join(ROOT, "src-tauri/src"), "crm")):
        edges, nodes = analyse_rust(src, crate)
        found += circles(edges, nodes)
    edges, nodes = analyse_ts(os.path.join(ROOT, "ui/src"))
    found += circles(edges, nodes)
    for c in found:
        print("circle: " + " <-> ".join(c))
    if found:
        print(f"{len(found)} circle(s): a file uses a file that uses it back (directly or through others)", file=sys.stderr)
        return 1
    print("no circles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
