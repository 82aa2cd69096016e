// Photo captions and credits, which page copies interleave with the body.

const CREDIT_START = /^(?:photo(?:graph)?s?|pictures?|image(?: source| caption)?|credit|video|file photo|pictured|illustration|graphic)\s*(?:[:,|]|by\b)/i;
const CREDIT_END = /(?:\b(?:photo(?:graph)?|picture|image|illustration|credit)s?\s*(?::|by|\.{2,}|…)\s*[^.!?]{1,90}|\((?:photo|image|picture|credit)[^)]{0,90}\)|(?:\/|\bvia\s+|\|\s*)(?:reuters|afp|ap|epa(?:-efe)?|getty images|shutterstock|anadolu(?: agency)?|dpa|xinhua|tass|pool|bloomberg|alamy|sipa|ansa|efe)|\bgetty images|©\s*[\p{L} ./&-]{2,40})\s*\.?$/iu;
// Reuters-style gallery captions: "[1/5] Delegates arrive …".
const GALLERY = /^(?:\[\d+\s*\/\s*\d+\]|item \d+ of \d+\b)/i;
// A caption sentence closed by "Agency/Photographer".
const AGENCY_SLASH = /[.!?]\s+[\p{Lu}][\p{L}&.-]+(?:\s[\p{Lu}][\p{L}.-]+)?\s?\/\s?[\p{Lu}][\p{L}.'-]+(?:\s[\p{Lu}][\p{L}.'-]+){0,3}\s*$/u;
const AGENCY_ONLY = /^\(?(?:reuters|afp|ap|epa|getty images|shutterstock|anadolu agency|dpa|xinhua|tass)\)?$/i;

/** Is this line a caption or credit rather than article text? */
export function isCaption(line: string): boolean {
  const words = line.split(/\s+/).length;
  if (words > 60) return false;
  if (CREDIT_START.test(line) || GALLERY.test(line) || AGENCY_SLASH.test(line)) return true;
  if (AGENCY_ONLY.test(line.trim())) return true;
  return CREDIT_END.test(line);
}

/** A line that is only a credit ("Picture: Clarion Pictures / Nils Brekke"), with the caption above it. */
export function isCreditOnly(line: string): boolean {
  return CREDIT_START.test(line) || AGENCY_ONLY.test(line.trim());
}
