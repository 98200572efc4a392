import "govuk-frontend/dist/govuk/govuk-frontend.min.css";
import "maplibre-gl/dist/maplibre-gl.css";
import "./styles.css";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { makeRouter } from "./routes/router";

document.body.classList.add("js-enabled", "govuk-frontend-supported");

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 } },
});
const router = makeRouter();

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element for the app.");
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
