// File names the save dialog offers for an export (PDF, .ics).

/**
 * "Greta Weiß" → "greta-weiss": a file name that reads well and travels everywhere. `fallback`
 * when nothing of the name is left (a name in Chinese, say).
 */
export function fileSlug(name: string, fallback: string): string {
  const ascii = name
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  return ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || fallback;
}
