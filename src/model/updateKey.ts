/**
 * A new key for a progress update: written on the action (LatestUpdateKey), on its log
 * entry and on the evidence files uploaded with it, so a half-finished save can be found and
 * completed and each file names the update it came with. Chosen before the files are
 * uploaded, so they carry it from the start.
 */
export function newUpdateKey(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
