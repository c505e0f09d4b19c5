-- Lunar birthdays (农历生日) by lunar month and day, as the Today view looks them up for each coming day.
CREATE INDEX contacts_lunar_birthday ON contacts (substr(birthday, -5), customer_id, name)
    WHERE deleted_at IS NULL AND birthday IS NOT NULL AND birthday_lunar = 1;
