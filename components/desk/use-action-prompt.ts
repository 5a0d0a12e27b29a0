"use client";

import { useCallback, useRef, useState } from "react";
import { ACTION_FIELDS, type WorkflowAction } from "@/server/contract/workflow";
import type { ActionExtra, ActionRequest } from "../stories/action-dialog";

/**
 * Asks, through one `ActionDialog`, for what correct, kill and schedule need; other actions need nothing
 * and resolve at once. `ask` resolves with null when the dialog is cancelled.
 */
export function useActionPrompt() {
  const [request, setRequest] = useState<ActionRequest | null>(null);
  const resolver = useRef<((extra: ActionExtra | null) => void) | null>(null);
  const ask = useCallback((action: WorkflowAction, count: number): Promise<ActionExtra | null> => {
    if (!ACTION_FIELDS[action]) return Promise.resolve({});
    resolver.current?.(null); // a newer question replaces an open one
    return new Promise((resolve) => {
      resolver.current = resolve;
      setRequest({ action, count });
    });
  }, []);
  const onDone = useCallback((extra: ActionExtra | null) => {
    resolver.current?.(extra);
    resolver.current = null;
    setRequest(null);
  }, []);
  return { ask, request, onDone };
}
