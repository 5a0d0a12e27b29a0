import { urgencyStyle } from "./urgency";

/** A compact urgency badge: colour plus label, and the number for screen readers. */
export function UrgencyBadge({ urgency }: { urgency: number }) {
  const { label, className } = urgencyStyle(urgency);
  return (
    <span className={`inline-block w-[4.6rem] rounded px-1 text-center text-[10px] font-bold tracking-wide ${className}`} title={`Urgency ${urgency}`}>
      {label}
    </span>
  );
}
