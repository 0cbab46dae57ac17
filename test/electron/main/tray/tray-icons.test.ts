import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AGGREGATE_PRIORITY } from '../../../../shared/aggregate-state';
import { TRAY_ICON_KINDS, trayIconFiles, trayIconPath } from '../../../../electron/main/tray/tray-icons';
import { drawTrayIcons, TRAY_ICON_OUT_DIR, TRAY_ICON_SOURCE_DIR } from '../../../../scripts/draw-tray-icons';

/** The width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The bytes of each row of an 8-bit RGBA PNG after its filter byte (filtering keeps all-zero channels zero). */
function rgbaRows(bytes: Buffer): Buffer[] {
  const { width, height } = pngSize(bytes);
  expect([bytes[24], bytes[25]]).toEqual([8, 6]); // 8 bits per channel, RGBA
  const chunks: Buffer[] = [];
  for (let offset = 8; offset < bytes.length;) {
    const length = bytes.readUInt32BE(offset);
    if (bytes.subarray(offset + 4, offset + 8).toString('latin1') === 'IDAT')
      chunks.push(bytes.subarray(offset + 8, offset + 8 + length));
    offset += length + 12;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  return Array.from({ length: height }, (_, row) =>
    raw.subarray(row * (width * 4 + 1) + 1, (row + 1) * (width * 4 + 1)),
  );
}

describe('tray icons', () => {
  it('has an icon for every state', () => {
    expect([...TRAY_ICON_KINDS].sort()).toEqual([...AGGREGATE_PRIORITY].sort());
  });

  it('ships every state at 16 and 32 px in colour and as macOS templates', async () => {
    for (const kind of TRAY_ICON_KINDS) {
      for (const file of trayIconFiles(kind)) {
        const bytes = await readFile(join(TRAY_ICON_OUT_DIR, file.fileName));
        expect(pngSize(bytes), file.fileName).toEqual({ width: file.sizePx, height: file.sizePx });
      }
    }
  });

  it('draws macOS template images in black and alpha only, and the others in colour', async () => {
    for (const kind of TRAY_ICON_KINDS) {
      for (const file of trayIconFiles(kind)) {
        const rows = rgbaRows(await readFile(join(TRAY_ICON_OUT_DIR, file.fileName)));
        const colourBytes = rows.flatMap((row) => [...row].filter((_, index) => index % 4 !== 3));
        const opaque = rows.flatMap((row) =>
          [...row].filter((_, index) => index % 4 === 3 && row[index] !== 0),
        );
        expect(opaque.length, file.fileName).toBeGreaterThan(0);
        if (file.template)
          expect(
            colourBytes.every((value) => value === 0),
            file.fileName,
          ).toBe(true);
        else
          expect(
            colourBytes.some((value) => value !== 0),
            file.fileName,
          ).toBe(true);
      }
    }
  });

  it('gives each state a shape of its own, not only a colour', async () => {
    const shapes = new Set<string>();
    for (const kind of TRAY_ICON_KINDS) {
      const template = trayIconFiles(kind).find((file) => file.template && file.sizePx === 16);
      shapes.add((await readFile(join(TRAY_ICON_OUT_DIR, template?.fileName ?? ''))).toString('base64'));
    }
    expect(shapes.size).toBe(TRAY_ICON_KINDS.length);
  });

  it('commits exactly what the drawing script draws from the SVG sources', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tray-icons-'));
    try {
      await drawTrayIcons(dir, TRAY_ICON_SOURCE_DIR);
      for (const kind of TRAY_ICON_KINDS) {
        for (const file of trayIconFiles(kind)) {
          const drawn = await readFile(join(dir, file.fileName));
          const committed = await readFile(join(TRAY_ICON_OUT_DIR, file.fileName));
          expect(committed.equals(drawn), `${file.fileName}: run scripts/draw-tray-icons.ts`).toBe(true);
        }
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('loads the template image on macOS and the colour one elsewhere', () => {
    expect(trayIconPath('/icons', 'failed', 'darwin')).toBe(join('/icons', 'failedTemplate.png'));
    expect(trayIconPath('/icons', 'failed', 'win32')).toBe(join('/icons', 'failed.png'));
    expect(trayIconPath('/icons', 'failed', 'linux')).toBe(join('/icons', 'failed.png'));
  });
});
