import { urgencyStyle } from "./urgency";

/** A compact urgency badge: colour plus label, and the number on hover. */
export function UrgencyBadge({ urgency, className = "w-[4.6rem]" }: { urgency: number; className?: string }) {
  const { label, meaning, className: tone } = urgencyStyle(urgency);
  return (
    <span className={`inline-block rounded px-1 py-[2px] text-center text-[10px] font-bold tracking-wide ${tone} ${className}`} title={`Urgency ${urgency}: ${meaning}`}>
      {label}
    </span>
  );
}
