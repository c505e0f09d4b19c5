//! What is still owed by how late it is — not yet due, 1–30, 31–90, over 90 days — as four clickable
//! figures over a proportional bar; clicking one narrows the list to that bucket, clicking it again clears.
import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Aging } from "../../api/bindings/Aging";
import type { AgingBucket } from "../../api/bindings/AgingBucket";
import { Money } from "../../components/Money";

export const BUCKETS: { bucket: AgingBucket; key: keyof Aging; tone: string }[] = [
  { bucket: "notDue", key: "notDue", tone: "aging-not-due" },
  { bucket: "days1To30", key: "days1To30", tone: "aging-30" },
  { bucket: "days31To90", key: "days31To90", tone: "aging-90" },
  { bucket: "over90", key: "over90", tone: "aging-over-90" },
];

type Props = { aging: Aging; selected?: AgingBucket | null; onSelect?: (bucket: AgingBucket | null) => void };

export function AgingBar({ aging, selected = null, onSelect }: Props) {
  const { t } = useTranslation();
  const total = BUCKETS.reduce((sum, b) => sum + aging[b.key], 0);
  return (
    <div className="aging" data-testid="aging">
      <div className="aging-bar">
        {total > 0 &&
          BUCKETS.filter((b) => aging[b.key] > 0).map((b) => (
            <div key={b.bucket} className={`aging-segment ${b.tone}`} style={{ flexGrow: aging[b.key] }} />
          ))}
      </div>
      <div className="aging-buckets">
        {BUCKETS.map((b) => (
          <button
            type="button"
            key={b.bucket}
            className={`aging-bucket ${b.tone}${selected === b.bucket ? " selected" : ""}`}
            disabled={!onSelect}
            onClick={() => onSelect?.(selected === b.bucket ? null : b.bucket)}
            data-testid={`aging-${b.bucket}`}
          >
            <Typography.Text type="secondary">{t(`receivables.buckets.${b.bucket}`)}</Typography.Text>
            <Money fen={aging[b.key]} className="aging-amount" />
          </button>
        ))}
      </div>
    </div>
  );
}
