/** Whether this browser can show desktop notifications, and what the user allowed. */
export function notificationPermission(): NotificationPermission | "unsupported" {
  return typeof window !== "undefined" && "Notification" in window ? Notification.permission : "unsupported";
}

/** Asks the browser for permission (from a user gesture); true when granted. */
export async function requestNotificationPermission(): Promise<boolean> {
  if (notificationPermission() === "unsupported") return false;
  return (await Notification.requestPermission()) === "granted";
}

/** Shows a desktop notification; clicking it brings the desk forward and calls `onClick`. */
export function showDesktopNotification(title: string, body: string, tag: string, onClick: () => void): void {
  if (notificationPermission() !== "granted") return;
  const notification = new Notification(title, { body, tag });
  notification.onclick = () => {
    window.focus();
    onClick();
    notification.close();
  };
}
