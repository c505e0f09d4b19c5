//! antd's DatePicker for a calendar day (`YYYY-MM-DD`): Enter in it confirms the typed day and does not
//! also submit the surrounding form.
import { DatePicker, type DatePickerProps } from "antd";
import { DAY_FORMAT } from "./day";

export function DayPicker(props: DatePickerProps) {
  return (
    <DatePicker
      format={DAY_FORMAT}
      className="full-width"
      {...props}
      onKeyDown={(e) => {
        if (e.key === "Enter") e.preventDefault();
      }}
    />
  );
}
