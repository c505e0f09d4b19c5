//! Providers (queries, language, antd) around the store gate and the main window.
import { MutationCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { AppShell } from "./components/AppShell";
import { LanguageProvider } from "./components/LanguageProvider";
import { StoreGate } from "./features/store/StoreGate";
import { queryKeys } from "./components/queryKeys";

export function createQueryClient() {
  const client: QueryClient = new QueryClient({
    // Reports read every kind of record: whatever a mutation changed, the reports on screen refresh.
    mutationCache: new MutationCache({
      onSuccess: () => void client.invalidateQueries({ queryKey: queryKeys.reports }),
    }),
    defaultOptions: {
      // Commands answer from a local file: no refetch on focus, one quick retry at most.
      queries: { refetchOnWindowFocus: false, retry: 0, staleTime: 30_000 },
      mutations: { retry: 0 },
    },
  });
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
