/** Dates as French users read them: dd/mm/yyyy, in Europe/Paris whatever the server's zone. */
const dateFormat = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", day: "2-digit", month: "2-digit", year: "numeric" });
const timeFormat = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit" });

export function formatDate(date: Date): string {
  return dateFormat.format(date);
}

export function formatTime(date: Date): string {
  return timeFormat.format(date).replace(":", ":");
}

export function formatDateTime(date: Date): string {
  return `${formatDate(date)} à ${formatTime(date)}`;
}
