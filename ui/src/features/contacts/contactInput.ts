//! Between the contact form's values and the ContactInput the command takes.
import type { Contact } from "../../api/bindings/Contact";
import type { ContactInput } from "../../api/bindings/ContactInput";
import type { Gender } from "../../api/bindings/Gender";

export type ContactFormValues = {
  name: string;
  title?: string;
  department?: string;
  mobile?: string;
  phone?: string;
  email?: string;
  wechat?: string;
  birthday?: string;
  birthdayLunar: boolean;
  gender?: Gender | null;
  notes?: string;
  isPrimary: boolean;
};

export const CONTACT_FIELDS = ["name", "title", "department", "mobile", "phone", "email", "wechat", "birthday", "gender", "notes"] as const;

export function emptyContactValues(): ContactFormValues {
  return { name: "", birthdayLunar: false, isPrimary: false, gender: null };
}

/** A stored contact as form values; a year-less birthday (`--05-12`) shows as `05-12`. */
export function toContactValues(c: Contact): ContactFormValues {
  return {
    name: c.name,
    title: c.title ?? undefined,
    department: c.department ?? undefined,
    mobile: c.mobile ?? undefined,
    phone: c.phone ?? undefined,
    email: c.email ?? undefined,
    wechat: c.wechat ?? undefined,
    birthday: c.birthday?.replace(/^--/, "") ?? undefined,
    birthdayLunar: c.birthdayLunar,
    gender: c.gender,
    notes: c.notes ?? undefined,
    isPrimary: c.isPrimary,
  };
}

const opt = (v: string | undefined) => (v && v.trim() ? v : null);

export function toContactInput(v: ContactFormValues): ContactInput {
  return {
    name: v.name ?? "",
    title: opt(v.title),
    department: opt(v.department),
    mobile: opt(v.mobile),
    phone: opt(v.phone),
    email: opt(v.email),
    wechat: opt(v.wechat),
    birthday: opt(v.birthday),
    birthdayLunar: !!v.birthdayLunar,
    gender: v.gender ?? null,
    notes: opt(v.notes),
    isPrimary: !!v.isPrimary,
  };
}

/** A birthday for display: `--05-12` reads as 05-12, with 农历 when lunar. */
export function birthdayText(c: Contact, lunarLabel: string): string | null {
  if (!c.birthday) return null;
  const date = c.birthday.replace(/^--/, "");
  return c.birthdayLunar ? `${lunarLabel} ${date}` : date;
}
