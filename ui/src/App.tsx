//! Providers (queries, language, antd) around the store gate and the main window.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { AppShell } from "./components/AppShell";
import { LanguageProvider } from "./components/LanguageProvider";
import { StoreGate } from "./features/store/StoreGate";

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // Commands answer from a local file: no refetch on focus, one quick retry at most.
      queries: { refetchOnWindowFocus: false, retry: 0, staleTime: 30_000 },
      mutations: { retry: 0 },
    },
  });
}

const queryClient = createQueryClient();

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <LanguageProvider>
        <StoreGate>
          <AppShell />
        </StoreGate>
      </LanguageProvider>
    </QueryClientProvider>
  );
}
