// Reads what the packager checks about an icon without decoding it: the PNG signature and the IHDR size.

export interface PngSize {
  width: number;
  height: number;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR chunk; throws if the bytes are not a PNG. */
export function readPngSize(bytes: Uint8Array): PngSize {
  if (bytes.length < 24 || SIGNATURE.some((b, i) => bytes[i] !== b)) {
    throw new Error('not a PNG file (bad signature)');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunkType = String.fromCharCode(bytes[12] ?? 0, bytes[13] ?? 0, bytes[14] ?? 0, bytes[15] ?? 0);
  if (chunkType !== 'IHDR') {
    throw new Error(`not a PNG file (first chunk is "${chunkType}", not IHDR)`);
  }
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/**
 * Checks RGBA pixels of a Teams outline icon: each pixel is either fully transparent or white
 * (RGB 255,255,255, any alpha). Returns how many pixels break the rule and the first one.
 */
export function checkOutlinePixels(
  rgba: Uint8Array,
  width: number,
): { bad: number; first?: { x: number; y: number; rgba: [number, number, number, number] } } {
  let bad = 0;
  let first: { x: number; y: number; rgba: [number, number, number, number] } | undefined;
  for (let i = 0; i + 3 < rgba.length; i += 4) {
    const r = rgba[i] ?? 0;
    const g = rgba[i + 1] ?? 0;
    const b = rgba[i + 2] ?? 0;
    const a = rgba[i + 3] ?? 0;
    if (a !== 0 && (r !== 255 || g !== 255 || b !== 255)) {
      bad++;
      if (first === undefined) {
        const pixel = i / 4;
        first = { x: pixel % width, y: Math.floor(pixel / width), rgba: [r, g, b, a] };
      }
    }
  }
  return first === undefined ? { bad } : { bad, first };
}
