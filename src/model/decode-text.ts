/**
 * Model file bytes to text: UTF-8 only, said plainly when it is not. A byte that is not UTF-8 is
 * refused with its offset (replacing it would silently make two different ids equal); UTF-16 is
 * recognised by its byte-order mark or its zero bytes; a UTF-8 byte-order mark is dropped.
 */
import { type Issue, ServiceChainError } from './errors.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The text of a model file's bytes; throws ServiceChainError (`syntax`) if it is not UTF-8. */
export function decodeText(bytes: Uint8Array): string {
  const utf16 = utf16Order(bytes);
  if (utf16 !== undefined) {
    throw refusal(
      `the file is UTF-16 (${utf16}), not UTF-8: save it as UTF-8 (in most editors: "Save with encoding", UTF-8)`,
    );
  }
  try {
    return UTF8.decode(bytes);
  } catch {
    const offset = firstBadByte(bytes);
    const byte = bytes[offset] ?? 0;
    throw refusal(
      `the file is not UTF-8: byte ${offset} (0x${byte.toString(16).padStart(2, '0')}) starts no UTF-8 character; save it as UTF-8 (it may be Latin-1 or Windows-1252)`,
    );
  }
}

function refusal(message: string): ServiceChainError {
  const issue: Issue = { code: 'syntax', path: '', message };
  return new ServiceChainError([issue]);
}

/** `little-endian` or `big-endian` when the bytes look like UTF-16 text. */
function utf16Order(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'little-endian';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'big-endian';
  // Without a mark: ASCII text in UTF-16 has a zero byte beside every character.
  if (bytes.length >= 2 && bytes[1] === 0 && bytes[0] !== 0) return 'little-endian';
  if (bytes.length >= 2 && bytes[0] === 0 && bytes[1] !== 0) return 'big-endian';
  return undefined;
}

/** The offset of the first byte that does not continue or start a valid UTF-8 sequence. */
export function firstBadByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return bytes.length;
}

/** The length of the valid UTF-8 sequence at `i` (RFC 3629 ranges), or 0. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  const cont = (k: number, low = 0x80, high = 0xbf) => {
    const c = bytes[i + k];
    return c !== undefined && c >= low && c <= high;
  };
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const low = b === 0xe0 ? 0xa0 : 0x80;
    const high = b === 0xed ? 0x9f : 0xbf;
    return cont(1, low, high) && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const low = b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xf4 ? 0x8f : 0xbf;
    return cont(1, low, high) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}
