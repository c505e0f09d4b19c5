import { describe, expect, it } from "vitest";
import { en } from "./en";
import { zhCN } from "./zh-CN";
import { zhTW } from "./zh-TW";

/** Every text of a message tree as `path → text`. */
function leaves(tree: object, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === "object") for (const [k, v] of leaves(value, path)) out.set(k, v);
    else out.set(path, value);
  }
  return out;
}

const placeholders = (text: unknown) => [...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe("the translations", () => {
  const reference = leaves(zhCN);

  it.each([
    ["zh-TW", zhTW],
    ["en", en],
  ])("%s has exactly the keys of zh-CN", (_, messages) => {
    expect([...leaves(messages).keys()].sort()).toEqual([...reference.keys()].sort());
  });

  it.each([
    ["zh-CN", zhCN],
    ["zh-TW", zhTW],
    ["en", en],
  ])("%s has no empty text and uses the same placeholders as zh-CN", (_, messages) => {
    for (const [key, text] of leaves(messages)) {
      expect(typeof text === "string" && text.length > 0, key).toBe(true);
      expect(placeholders(text), key).toEqual(placeholders(reference.get(key)));
    }
  });
});
