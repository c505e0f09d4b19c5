-- Follow-ups (跟进记录), the customer's next follow-up date (下次跟进时间) they set, and what the Today view
-- needs to find what falls due without scanning the book.
CREATE TABLE follow_ups (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    contact_id  INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('call', 'visit', 'wechat', 'email', 'meeting', 'other')),
    happened_at INTEGER NOT NULL,
    content     TEXT    NOT NULL,
    outcome     TEXT,
    -- 'YYYY-MM-DD' in the user's calendar.
    next_date   TEXT,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    deleted_at  INTEGER
);
CREATE INDEX follow_ups_of_customer ON follow_ups (customer_id, happened_at);
CREATE INDEX follow_ups_trashed ON follow_ups (deleted_at, id) WHERE deleted_at IS NOT NULL;

-- 下次跟进时间 ('YYYY-MM-DD'), set by the latest follow-up that names one; when the customer was last followed
-- up (epoch ms); "stay in touch every N days".
ALTER TABLE customers ADD COLUMN next_follow_up TEXT;
ALTER TABLE customers ADD COLUMN last_follow_up_at INTEGER;
ALTER TABLE customers ADD COLUMN touch_every_days INTEGER CHECK (touch_every_days IS NULL OR touch_every_days > 0);

CREATE INDEX customers_next_follow_up ON customers (next_follow_up) WHERE deleted_at IS NULL AND next_follow_up IS NOT NULL;
-- When a customer falls silent: its last follow-up, or its creation when it has none.
CREATE INDEX customers_last_touch ON customers (coalesce(last_follow_up_at, created_at)) WHERE deleted_at IS NULL;
CREATE INDEX customers_touch_due ON customers (coalesce(last_follow_up_at, created_at) + touch_every_days * 86400000)
    WHERE deleted_at IS NULL AND touch_every_days IS NOT NULL;
-- Solar birthdays by month and day ('MM-DD'), whatever the year; covering what Today shows of the contact.
CREATE INDEX contacts_birthday ON contacts (substr(birthday, -5), customer_id, name)
    WHERE deleted_at IS NULL AND birthday IS NOT NULL AND birthday_lunar = 0;

-- What the user did with a reminder: done, or snoozed until a date. One row per reminder occurrence.
CREATE TABLE reminder_actions (
    kind        TEXT    NOT NULL CHECK (kind IN ('followUp', 'birthday', 'keepInTouch', 'dormant')),
    entity_id   INTEGER NOT NULL,
    due         TEXT    NOT NULL,
    done        INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
    snooze_until TEXT,
    acted_at    INTEGER NOT NULL,
    PRIMARY KEY (kind, entity_id, due)
) WITHOUT ROWID;
