import { useEffect } from "react";

/** Sets the document title, as GOV.UK pages do: "Page – Total Transport". */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – Total Transport`;
  }, [title]);
}
