//! Providers (queries, language, antd) around the store gate and the main window.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { whenStale } from "./api/client";
import { AppShell } from "./components/AppShell";
import { LanguageProvider } from "./components/LanguageProvider";
import { StoreGate } from "./features/store/StoreGate";

export function createQueryClient() {
  const client: QueryClient = new QueryClient({
    defaultOptions: {
      // Commands answer from a local file: no refetch on focus, one quick retry at most.
      queries: { refetchOnWindowFocus: false, retry: 0, staleTime: 30_000 },
      mutations: { retry: 0 },
    },
  });
  // A command that changed records names the caches it made stale (the command table); they refresh.
  whenStale((caches) => caches.forEach((cache) => void client.invalidateQueries({ queryKey: cache.split(".") })));
  return client;
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
