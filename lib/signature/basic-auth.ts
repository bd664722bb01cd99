import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether an `Authorization` header carries the expected Basic credentials. Both parts are
 * hashed before comparing so the comparison takes the same time whatever their lengths.
 */
export function basicCredentialsMatch(
  header: string | undefined,
  expected: { username: string; password: string },
): boolean {
  if (!header || !/^basic /i.test(header)) return false;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon === -1) return false;
  const userOk = sameSecret(decoded.slice(0, colon), expected.username);
  const passOk = sameSecret(decoded.slice(colon + 1), expected.password);
  return userOk && passOk;
}

function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
