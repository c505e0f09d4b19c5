//! A rough passphrase strength estimate for the hint under the first-run form.

export type Strength = "weak" | "medium" | "strong";

export function passphraseStrength(passphrase: string): Strength {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(passphrase)).length;
  const length = [...passphrase].length;
  if (length < 8) return "weak";
  if (length >= 16 || (length >= 12 && classes >= 3)) return "strong";
  if (length >= 10 || classes >= 2) return "medium";
  return "weak";
}
