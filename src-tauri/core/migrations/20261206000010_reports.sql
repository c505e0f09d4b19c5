-- What the reports need of the records themselves: the furthest lifecycle stage a customer reached (for the
-- funnel), a customer's preference (偏好) and a follow-up's satisfaction (满意度) for the loyalty matrix, an
-- index for "followed up in the last N days", and the version of the derived totals (crm-core::aggregate
-- owns those tables and rebuilds them when its version differs from this one).

-- The furthest stage before the current status: 1 潜在, 2 意向, 3 成交. The stage a customer has reached is
-- the larger of this and its current status's (a 成交 customer that was lost still reached 成交).
ALTER TABLE customers ADD COLUMN furthest_stage INTEGER CHECK (furthest_stage IS NULL OR furthest_stage BETWEEN 1 AND 3);
ALTER TABLE customers ADD COLUMN preference INTEGER CHECK (preference IS NULL OR preference BETWEEN 1 AND 5);
ALTER TABLE follow_ups ADD COLUMN satisfaction INTEGER CHECK (satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5);

-- Stores from before: the stages the status history shows each customer passed through.
UPDATE customers SET furthest_stage = (
    SELECT max(max(CASE h.old_value WHEN 'intent' THEN 2 WHEN 'deal' THEN 3 ELSE 1 END,
                   CASE h.new_value WHEN 'intent' THEN 2 WHEN 'deal' THEN 3 ELSE 1 END))
    FROM history h WHERE h.entity = 'customer' AND h.field = 'status' AND h.entity_id = customers.id)
WHERE id IN (SELECT entity_id FROM history WHERE entity = 'customer' AND field = 'status');

-- Every change of status remembers the stage it leaves.
CREATE TRIGGER customers_furthest_stage AFTER UPDATE OF status ON customers
WHEN OLD.status IS NOT NEW.status
BEGIN
    UPDATE customers SET furthest_stage = max(coalesce(furthest_stage, 1),
        CASE OLD.status WHEN 'intent' THEN 2 WHEN 'deal' THEN 3 ELSE 1 END)
    WHERE id = NEW.id;
END;

CREATE INDEX customers_last_follow_up ON customers (last_follow_up_at) WHERE deleted_at IS NULL;
CREATE INDEX follow_ups_satisfaction ON follow_ups (customer_id, satisfaction)
    WHERE satisfaction IS NOT NULL AND deleted_at IS NULL;

CREATE TABLE aggregate_version (version INTEGER NOT NULL);
INSERT INTO aggregate_version (version) VALUES (0);

-- The customers who rated how much they prefer us (few), and what the payment plans ask for by due day.
CREATE INDEX customers_preference ON customers (id, preference) WHERE preference IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX installments_counted_due ON installments (due_on, amount, customer_id) WHERE counted = 1;
