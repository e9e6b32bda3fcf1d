import sanitizeHtml from 'sanitize-html';

/** Absolute http(s) links only: no javascript:, data:, protocol-relative or in-app paths. */
const HTTP_URL = /^https?:\/\/[^\s]+$/i;
/** Images from the web or from our own uploads (`/api/uploads/<key>`), nothing else. */
const IMAGE_URL = /^(https?:\/\/[^\s]+|\/api\/uploads\/[A-Za-z0-9._-]+)$/i;
/** `#abc`, `#aabbcc`, `rgb(…)`/`rgba(…)` with numbers, or a plain colour name. */
const COLOR = [/^#[0-9a-f]{3,8}$/i, /^rgba?\(\s*[\d.%\s,/]+\)$/i, /^[a-z]{3,20}$/i];

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'b',
    'em',
    'i',
    'u',
    'h1',
    'h2',
    'h3',
    'h4',
    'ul',
    'ol',
    'li',
    'img',
    'a',
    'span',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'width', 'height'],
    span: ['style'],
    th: ['colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
  },
  allowedStyles: { span: { color: COLOR } },
  allowedSchemes: ['http', 'https'],
  allowProtocolRelative: false,
  // Content of these is dropped with the tag; any other unknown tag (iframe, object, svg…) goes, its text stays.
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'iframe',
    'object',
    'embed',
    'svg',
    'math',
  ],
  transformTags: {
    // The library lets relative URLs through; ours are stricter, so unmatched values are removed here.
    a: (tagName, attribs) => {
      const { href, title } = attribs;
      return {
        tagName,
        attribs: {
          ...(href && HTTP_URL.test(href.trim()) ? { href: href.trim(), rel: 'noopener' } : {}),
          ...(title ? { title } : {}),
        },
      };
    },
    img: (tagName, attribs) => {
      const { src, ...rest } = attribs;
      return {
        tagName,
        attribs: { ...(src && IMAGE_URL.test(src.trim()) ? { src: src.trim() } : {}), ...rest },
      };
    },
  },
  // An image whose source was refused is dropped whole rather than left as an empty <img>.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

/**
 * Product descriptions are written in the admin and rendered by the mini-program's
 * rich-text and the admin's preview, so they are cleaned once, on write: the usual
 * formatting tags survive; scripts, event handlers, inline styles other than a
 * span's colour, frames and non-http(s) URLs do not. Stored HTML is thus safe to
 * render as is.
 */
export function sanitizeProductHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}
