//! The contract numbering rule (`HT-{YYYY}-{0000}`) read the way the core reads it, to check it while it
//! is typed and to preview the number it makes. The core stays the judge: this only mirrors its rules.

export type RuleCheck = { ok: true; preview: (on: Date, sequence: number) => string } | { ok: false; reason: string };

type Part = { text: string } | { token: "YYYY" | "YY" | "MM" | "DD" } | { width: number };

const pad = (n: number, width: number) => String(n).padStart(width, "0");

export function checkNumberRule(raw: string | null | undefined): RuleCheck {
  const rule = (raw ?? "").trim();
  if (!rule) return { ok: false, reason: "required" };
  if ([...rule].length > 40) return { ok: false, reason: "too_long" };
  if (/[\u0000-\u001f\u007f-\u009f]/.test(rule)) return { ok: false, reason: "control_chars" };
  const parts: Part[] = [];
  let rest = rule;
  while (rest) {
    if (rest.startsWith("{")) {
      const end = rest.indexOf("}");
      if (end < 0) return { ok: false, reason: "format" };
      const token = rest.slice(1, end);
      if (token === "YYYY" || token === "YY" || token === "MM" || token === "DD") parts.push({ token });
      else if (/^0{1,9}$/.test(token)) parts.push({ width: token.length });
      else return { ok: false, reason: "format" };
      rest = rest.slice(end + 1);
    } else {
      const end = rest.indexOf("{") < 0 ? rest.length : rest.indexOf("{");
      if (rest.slice(0, end).includes("}")) return { ok: false, reason: "format" };
      parts.push({ text: rest.slice(0, end) });
      rest = rest.slice(end);
    }
  }
  const sequences = parts.filter((p) => "width" in p).length;
  if (sequences === 0) return { ok: false, reason: "no_sequence" };
  if (sequences > 1) return { ok: false, reason: "format" };
  const preview = (on: Date, sequence: number) =>
    parts
      .map((p) => {
        if ("text" in p) return p.text;
        if ("width" in p) return pad(sequence, p.width);
        if (p.token === "YYYY") return pad(on.getFullYear(), 4);
        if (p.token === "YY") return pad(on.getFullYear() % 100, 2);
        if (p.token === "MM") return pad(on.getMonth() + 1, 2);
        return pad(on.getDate(), 2);
      })
      .join("");
  return { ok: true, preview };
}
