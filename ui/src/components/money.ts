//! Money as the API holds it (integer 分) and as people read and type it (yuan, two decimals): exact
//! conversions, the display form ¥1,234.56, and a contract line's amount computed the way the core does.

/** 分 as `¥1,234.56` with the language's digit grouping; negative amounts read `-¥12.50`. */
export function formatMoney(fen: number, language: string): string {
  const sign = fen < 0 ? "-" : "";
  const abs = BigInt(Math.abs(Math.trunc(fen)));
  const whole = new Intl.NumberFormat(language, { useGrouping: true }).format(abs / 100n);
  const cents = (abs % 100n).toString().padStart(2, "0");
  return `${sign}¥${whole}.${cents}`;
}

/**
 * Yuan as typed (at most two decimals) to 分. Goes through the decimal text rather than `yuan * 100`,
 * which is off by one ulp for amounts such as 19.99 or 0.29.
 */
export function yuanToFen(yuan: number): number {
  if (!Number.isFinite(yuan)) return 0;
  const [whole, fraction = ""] = Math.abs(yuan).toFixed(2).split(".");
  const fen = Number(BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0")));
  return yuan < 0 ? -fen : fen;
}

/** 分 as a yuan number for an input (exact for every amount the API allows). */
export function fenToYuan(fen: number): number {
  return fen / 100;
}

/**
 * The amount of one contract line in 分, exactly as the core computes it: quantity in thousandths ×
 * unit price × (10000 − discount in hundredths of a percent), divided by 10⁷ and rounded half up.
 */
export function lineAmount(quantity: number, unitPriceFen: number, discountPercent: number): number {
  const milli = BigInt(Math.round(quantity * 1000));
  const bp = BigInt(Math.round(discountPercent * 100));
  const exact = milli * BigInt(Math.round(unitPriceFen)) * (10_000n - bp);
  const scale = 10_000_000n;
  return Number((exact + scale / 2n) / scale);
}
