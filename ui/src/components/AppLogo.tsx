//! The app's glyph (the same drawing as icons/source.svg), for the menu header.
export function AppLogo({ size }: { size: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 1024 1024" aria-hidden="true">
      <rect x="48" y="48" width="928" height="928" rx="224" fill="#2563eb" />
      <circle cx="420" cy="410" r="120" fill="#fff" />
      <path d="M210 770 A210 210 0 0 1 630 770 Z" fill="#fff" />
      <rect x="672" y="368" width="160" height="52" rx="26" fill="#fff" />
      <rect x="672" y="486" width="160" height="52" rx="26" fill="#fff" fillOpacity="0.8" />
      <rect x="672" y="604" width="110" height="52" rx="26" fill="#fff" fillOpacity="0.6" />
    </svg>
  );
}
