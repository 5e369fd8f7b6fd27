/** Base64 of a file's bytes, in chunks (String.fromCharCode on a whole 20 MB array would overflow the stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  const CHUNK = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

export const MAX_DROP_BYTES = 20 * 1024 * 1024;
