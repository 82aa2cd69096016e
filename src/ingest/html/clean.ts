// Chrome that Readability keeps inside the article element: captions, share bars, related-story
// boxes, newsletter prompts, bylines and date lines. Removed by element role/class first, then
// by the same line rules as page copies.

const DROP_TAGS = 'figcaption, aside, nav, footer, form, button, select, textarea, [role="complementary"], [role="navigation"], [aria-hidden="true"], [hidden]';
const CHROME_CLASS =
  /(?:^|[\s_-])(?:caption|credit|share|sharing|social|related|recommend|newsletter|signup|sign-up|subscribe|promo|advert|ad-slot|ad-container|ads|sponsor|byline|author-bio|tags?|tag-list|topics|comments?|breadcrumbs?|toolbar|print-only|visually-hidden|sr-only|screen-reader|read-more|more-stories|trending|popular|outbrain|taboola)(?:$|[\s_-])/i;

interface El {
  tagName: string;
  className?: string | { baseVal?: string };
  id?: string;
  textContent: string | null;
  parentNode: { removeChild(c: unknown): unknown } | null;
  querySelectorAll(sel: string): ArrayLike<El>;
  getAttribute(name: string): string | null;
}

function classOf(el: El): string {
  const c = typeof el.className === 'string' ? el.className : (el.className?.baseVal ?? '');
  return `${c} ${el.id ?? ''} ${el.getAttribute('itemprop') ?? ''} ${el.getAttribute('data-component') ?? ''}`;
}

/** Remove chrome elements inside the extracted article root (in place). */
export function removeChromeElements(root: El): void {
  const total = (root.textContent ?? '').length || 1;
  const remove = (el: El) => el.parentNode?.removeChild(el);
  for (const el of Array.from(root.querySelectorAll(DROP_TAGS))) {
    // A container holding most of the article is a site's odd markup, not chrome.
    if ((el.textContent ?? '').length < total * 0.3) remove(el);
  }
  for (const el of Array.from(root.querySelectorAll('[class], [id], [itemprop], [data-component]'))) {
    const cls = classOf(el);
    if (!CHROME_CLASS.test(cls)) continue;
    const tag = el.tagName.toUpperCase();
    // Links and inline runs carry words of the sentence around them ("auto-tag" links on names).
    if (tag === 'A') continue;
    if (/^(?:SPAN|EM|STRONG|B|I|SMALL|TIME|ABBR|CITE|Q|SUB|SUP|U|MARK)$/.test(tag) && !/caption|credit|byline/i.test(cls)) continue;
    if (/^(?:P|H[1-6]|BLOCKQUOTE|LI)$/.test(tag) && !/caption|credit|byline|share|related|newsletter|promo|ad/i.test(cls)) continue;
    if ((el.textContent ?? '').length < total * 0.3) remove(el);
  }
}
