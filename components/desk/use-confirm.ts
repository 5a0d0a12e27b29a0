"use client";

import { useCallback, useRef, useState } from "react";
import type { ConfirmRequest } from "../ui/confirm-dialog";

/** One confirmation at a time: `confirm` resolves true or false once the editor answers. */
export function useConfirm() {
  const [request, setRequest] = useState<ConfirmRequest | null>(null);
  const resolver = useRef<((isConfirmed: boolean) => void) | null>(null);
  const confirm = useCallback((next: ConfirmRequest) => {
    resolver.current?.(false);
    setRequest(next);
    return new Promise<boolean>((resolve) => {
      resolver.current = resolve;
    });
  }, []);
  const answer = useCallback((isConfirmed: boolean) => {
    resolver.current?.(isConfirmed);
    resolver.current = null;
    setRequest(null);
  }, []);
  return { request, confirm, answer };
}
