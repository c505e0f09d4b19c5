//! The heading of a screen, with the test id every screen shares.
import type { ReactNode } from "react";
import { Typography } from "antd";

export function PageTitle({ children }: { children: ReactNode }) {
  return (
    <Typography.Title level={3} className="page-title" data-testid="page-title">
      {children}
    </Typography.Title>
  );
}
