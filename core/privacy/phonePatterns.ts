// Phone-number shapes found in Chinese trace text (aggregators.md §6: /1[3-9]\d[\d*]{4}\d{4}/).
// No lookbehind: iOS JavaScriptCore in older WeChat clients rejects it at parse time, which would
// break the whole mini-program bundle. The leading group captures the boundary character instead,
// and a letter or digit before the number means it is part of a code (a waybill number), not a phone.

/** 1: boundary, 2: optional +86 prefix, 3: first 3 digits, 4: middle 4 (digits or `*`), 5: last 4. */
export const MOBILE = /(^|[^0-9A-Za-z])((?:\+?86[- ]?)?)(1[3-9]\d)[- ]?([\d*]{4})[- ]?(\d{4})(?!\d)/g

/** 1: boundary, 2: optional opening bracket, 3: area code (010–0999), 4: separator, 5: subscriber
 * number (7–8 digits, possibly already masked). Service numbers (95xxx, 400/800) do not match. */
export const LANDLINE = /(^|[^0-9A-Za-z])([(（]?)(0[1-9]\d{1,2})([)）]\s?|[- ])([\d*]{3,4}\d{4})(?!\d)/g
