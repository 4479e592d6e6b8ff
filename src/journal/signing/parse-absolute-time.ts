/**
 * A time as ssh-keygen reads `valid-after`, `valid-before` and `verify-time`
 * (misc.c parse_absolute_time): `YYYYMMDD`, `YYYYMMDDHHMM` or
 * `YYYYMMDDHHMMSS`, in the local time zone unless suffixed with `Z` (or
 * `UTC`). Out-of-range days roll over as mktime(3) does. Returns seconds
 * since the epoch, or null when the text is not such a time or is not after 1970.
 */
export function parseAbsoluteTime(text: string): number | null {
  let digits = text;
  let utc = false;
  if (/^.+z$/i.test(text)) {
    digits = text.slice(0, -1);
    utc = true;
  } else if (/^.+utc$/i.test(text)) {
    digits = text.slice(0, -3);
    utc = true;
  }
  if (!/^(\d{8}|\d{12}|\d{14})$/.test(digits)) return null;
  const [year, month, day, hour = 0, minute = 0, second = 0] = (digits.match(/^\d{4}|\d{2}/g) ?? []).map(Number);
  if (year === undefined || month === undefined || day === undefined) return null;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  const millis = utc
    ? Date.UTC(year, month - 1, day, hour, minute, second)
    : new Date(year, month - 1, day, hour, minute, second).getTime();
  const seconds = Math.floor(millis / 1000);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}
