// Publication dates as ISO 8601, keeping the offset a source states: a brief must not move an
// article's time into UTC or the reader's zone.

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A machine date string from page metadata → ISO 8601, or null when it is not a date. */
export function normalizeDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const value = raw.trim();
  const m = ISO.exec(value);
  if (m) {
    const [, y, mo, d, h, mi, s, zone] = m;
    if (!validDate(+y, +mo, +d)) return null;
    if (h === undefined) return `${y}-${mo}-${d}`;
    if (+h > 23 || +mi > 59) return `${y}-${mo}-${d}`;
    const offset = zone === undefined ? '' : zone === 'Z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
    return `${y}-${mo}-${d}T${h}:${mi}${s !== undefined ? `:${s}` : ''}${offset}`;
  }
  // Other machine formats (RFC 2822 in some feeds' meta tags): only when they carry a zone,
  // otherwise Date would silently read them in this machine's zone.
  if (/\d{4}/.test(value) && /(GMT|UTC|[+-]\d{4}|Z)\s*$/.test(value)) {
    const t = Date.parse(value);
    if (!Number.isNaN(t)) return new Date(t).toISOString().replace('.000Z', 'Z');
  }
  return null;
}

export function validDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}
