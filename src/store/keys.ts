/**
 * KVS keys must match ^(?!\s+$)[a-zA-Z0-9:._\s-#]+$ and stay under 500 characters. Upstream ids are not under
 * our control, so every id that goes into a key is encoded: safe characters pass through, anything else
 * (and '#', the escape character itself) becomes '#' + two hex digits per UTF-8 byte.
 */
const SAFE = /[a-zA-Z0-9._-]/;
const MAX_KEY_LENGTH = 500;

export function keyPart(value: string): string {
  let out = '';
  for (const char of value) {
    if (SAFE.test(char)) out += char;
    else for (const byte of Buffer.from(char, 'utf8')) out += `#${byte.toString(16).padStart(2, '0')}`;
  }
  if (out.length === 0) return '#00';
  return out;
}

export function key(...parts: string[]): string {
  const joined = parts.join(':');
  if (joined.length > MAX_KEY_LENGTH) {
    throw new Error(`Storage key too long (${joined.length} > ${MAX_KEY_LENGTH} characters): ${joined.slice(0, 80)}...`);
  }
  return joined;
}
