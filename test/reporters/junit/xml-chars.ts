/** Characters XML 1.0 does not allow anywhere (the complement of its Char production). */
export const INVALID_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
