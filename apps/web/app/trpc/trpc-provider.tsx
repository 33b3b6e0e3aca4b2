import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { createBrowserClient } from "./create-browser-client";
import { TRPCProvider } from "./react";

function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // Loaders render the first data; live data arrives by subscription, so no refetch storm.
      queries: { staleTime: 30_000, refetchOnWindowFocus: false },
      // Every mutation here is an intent at a moment (an order at today's price, a cancel):
      // offline it is refused now, never paused and sent when the network returns.
      mutations: { networkMode: "always" },
    },
  });
}

/** TanStack Query and tRPC for the component tree; one client (and one socket) per page load. */
export function TrpcReactProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const [trpcClient] = useState(createBrowserClient);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
