/**
 * Saves text as a file through the browser's download, the way SharePoint's own
 * "Export to CSV" does: no server round trip, nothing left behind.
 */
export function downloadText(fileName: string, text: string, type: string): void {
  // A byte-order mark, so Excel opens UTF-8 CSV with its accents and dashes intact.
  const blob = new Blob(['\ufeff', text], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
