// Draws the Teams app icons from code and writes them to appPackage/:
//   color.png   192×192, a white compass with an amber needle on deep teal (#0F6C5C)
//   outline.png  32×32, the same compass in white on a transparent background
// Run: node --import tsx scripts/make-icons.ts
// Every pixel is supersampled (8×8 samples), so edges are anti-aliased. The output is deterministic.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';

type Rgba = readonly [number, number, number, number];
type Scene = (x: number, y: number) => Rgba;

const SAMPLES = 8;
const TRANSPARENT: Rgba = [0, 0, 0, 0];
const WHITE: Rgba = [255, 255, 255, 255];
const TEAL_LIGHT: Rgba = [0x14, 0x80, 0x6d, 255];
const TEAL_DARK: Rgba = [0x0b, 0x58, 0x4a, 255];
const AMBER_LIGHT: Rgba = [0xf7, 0xc2, 0x4f, 255];
const AMBER_DARK: Rgba = [0xe0, 0x98, 0x1c, 255];
const MIST_LIGHT: Rgba = [0xff, 0xff, 0xff, 255];
const MIST_DARK: Rgba = [0xd3, 0xe8, 0xe3, 255];

function mix(a: Rgba, b: Rgba, t: number): Rgba {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t, a[3] + (b[3] - a[3]) * t];
}

/** Renders a scene: each pixel is the average of SAMPLES² points, colour weighted by alpha. */
function render(size: number, scene: Scene): PNG {
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const [cr, cg, cb, ca] = scene(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const offset = (py * size + px) * 4;
      const alpha = a / (SAMPLES * SAMPLES);
      png.data[offset] = a === 0 ? 255 : Math.round(r / a);
      png.data[offset + 1] = a === 0 ? 255 : Math.round(g / a);
      png.data[offset + 2] = a === 0 ? 255 : Math.round(b / a);
      png.data[offset + 3] = Math.round(alpha);
    }
  }
  return png;
}

interface Compass {
  cx: number;
  cy: number;
  /** centre line radius of the ring and its thickness */
  ring: number;
  ringWidth: number;
  /** needle half-length (centre to tip) and half-width at the centre */
  needle: number;
  needleWidth: number;
  /** radius of the hub at the centre of the needle */
  hub: number;
  /** cardinal tick marks inside the ring: from radius `tickFrom` to `tickTo`, half-width `tickWidth` */
  ticks?: { from: number; to: number; width: number };
}

type Part = 'ring' | 'tick' | 'north-left' | 'north-right' | 'south-left' | 'south-right' | 'hub' | 'pin' | 'none';

// The needle points north-east; screen y grows downwards.
const NEEDLE_DIR = { x: Math.SQRT1_2, y: -Math.SQRT1_2 };

function partAt(c: Compass, x: number, y: number): Part {
  const dx = x - c.cx;
  const dy = y - c.cy;
  const r = Math.hypot(dx, dy);
  if (r <= c.hub * 0.45) {
    return 'pin';
  }
  if (r <= c.hub) {
    return 'hub';
  }
  const u = dx * NEEDLE_DIR.x + dy * NEEDLE_DIR.y;
  const v = dx * -NEEDLE_DIR.y + dy * NEEDLE_DIR.x;
  if (Math.abs(v) <= c.needleWidth * (1 - Math.abs(u) / c.needle)) {
    const side = v < 0 ? 'left' : 'right';
    return u >= 0 ? `north-${side}` : `south-${side}`;
  }
  if (Math.abs(r - c.ring) <= c.ringWidth / 2) {
    return 'ring';
  }
  if (c.ticks && r >= c.ticks.from && r <= c.ticks.to) {
    const across = Math.min(Math.abs(dx), Math.abs(dy));
    if (across <= c.ticks.width) {
      return 'tick';
    }
  }
  return 'none';
}

function colorScene(size: number): Scene {
  const compass: Compass = {
    cx: size / 2,
    cy: size / 2,
    ring: size * 0.365,
    ringWidth: size * 0.06,
    needle: size * 0.29,
    needleWidth: size * 0.085,
    hub: size * 0.045,
    ticks: { from: size * 0.255, to: size * 0.315, width: size * 0.016 },
  };
  return (x, y) => {
    switch (partAt(compass, x, y)) {
      case 'ring':
      case 'tick':
      case 'pin':
        return WHITE;
      case 'north-left':
        return AMBER_LIGHT;
      case 'north-right':
        return AMBER_DARK;
      case 'south-left':
        return MIST_LIGHT;
      case 'south-right':
        return MIST_DARK;
      case 'hub':
        return TEAL_DARK;
      case 'none':
        // a soft diagonal light from the top left over the teal background
        return mix(TEAL_LIGHT, TEAL_DARK, Math.min(1, Math.max(0, (x + y) / (2 * size))));
    }
  };
}

function outlineScene(size: number): Scene {
  const compass: Compass = {
    cx: size / 2,
    cy: size / 2,
    ring: size * 0.39,
    ringWidth: size * 0.075,
    needle: size * 0.285,
    needleWidth: size * 0.1,
    hub: size * 0.055,
  };
  return (x, y) => {
    switch (partAt(compass, x, y)) {
      case 'ring':
      case 'north-left':
      case 'north-right':
      case 'south-left':
      case 'south-right':
      case 'pin':
        return WHITE;
      case 'hub':
      case 'tick':
      case 'none':
        return TRANSPARENT;
    }
  };
}

export function makeColorIcon(): Buffer {
  return PNG.sync.write(render(192, colorScene(192)));
}

export function makeOutlineIcon(): Buffer {
  return PNG.sync.write(render(32, outlineScene(32)));
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const dir = join(import.meta.dirname, '..', 'appPackage');
  writeFileSync(join(dir, 'color.png'), makeColorIcon());
  writeFileSync(join(dir, 'outline.png'), makeOutlineIcon());
  console.log(`wrote ${join(dir, 'color.png')} (192×192) and ${join(dir, 'outline.png')} (32×32)`);
}
