"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";

/** A list's filter kept in the URL (?q=), so a reload or a shared link keeps it. */
export function useUrlQuery(param = "q"): [string, (q: string) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const set = (q: string) => {
    const next = new URLSearchParams(params);
    if (q) next.set(param, q);
    else next.delete(param);
    router.replace(`${pathname}${next.size ? `?${next}` : ""}`, { scroll: false });
  };
  return [params.get(param) ?? "", set];
}
