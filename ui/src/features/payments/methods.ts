//! The ways a payment comes in, in the order the receipt form offers them.
import type { PaymentMethod } from "../../api/bindings/PaymentMethod";

export const PAYMENT_METHODS: PaymentMethod[] = ["bank", "cash", "wechat", "alipay", "cheque", "other"];
