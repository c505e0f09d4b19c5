//! Shows an epoch timestamp as a localized date and time.

/** Accepts epoch seconds or milliseconds (values below 1e11 are taken as seconds). */
export function toMillis(epoch: number): number {
  return Math.abs(epoch) < 1e11 ? epoch * 1000 : epoch;
}

export function formatDateTime(epoch: number | null | undefined, language: string): string {
  if (epoch === null || epoch === undefined) return "";
  return new Intl.DateTimeFormat(language, {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(new Date(toMillis(epoch)));
}
