import { Suspense } from "react";
import { Desk } from "@/components/desk/desk";

/** The wire desk. */
export default function DeskPage() {
  return (
    <Suspense>
      <Desk />
    </Suspense>
  );
}
