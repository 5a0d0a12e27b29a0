"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ToastMessage } from "../ui/toast";

/** One toast at a time; it goes away by itself (later when it offers an undo). */
export function useToast() {
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const nextId = useRef(1);
  const show = useCallback((message: Omit<ToastMessage, "id">) => setToast({ ...message, id: nextId.current++ }), []);
  const dismiss = useCallback(() => setToast(null), []);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast((t) => (t?.id === toast.id ? null : t)), toast.undo ? 10_000 : 6_000);
    return () => clearTimeout(timer);
  }, [toast]);
  return { toast, show, dismiss };
}
