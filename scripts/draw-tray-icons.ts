import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import {
  TRAY_ICON_COLOURS,
  TRAY_ICON_KINDS,
  trayIconFiles,
  type TrayIconFile,
} from '../electron/main/tray/tray-icons';

/** Where the icons' SVG sources are (one per state, drawn in `currentColor`). */
export const TRAY_ICON_SOURCE_DIR = join(import.meta.dirname, '..', 'resources', 'tray', 'source');

/** Where the drawn PNGs are committed. */
export const TRAY_ICON_OUT_DIR = join(import.meta.dirname, '..', 'resources', 'tray');

/** Draws one PNG from a state's SVG: in the state's colour, or black for a macOS template image. */
export function drawTrayIcon(svg: string, file: TrayIconFile): Buffer {
  const colour = file.template ? '#000000' : TRAY_ICON_COLOURS[file.kind];
  const painted = svg.replaceAll('currentColor', colour);
  const resvg = new Resvg(painted, {
    fitTo: { mode: 'width', value: file.sizePx },
    font: { loadSystemFonts: false },
  });
  return resvg.render().asPng();
}

/** Draws every state's four PNGs from its SVG source into `outDir`; returns the files written. */
export async function drawTrayIcons(
  outDir = TRAY_ICON_OUT_DIR,
  sourceDir = TRAY_ICON_SOURCE_DIR,
): Promise<readonly string[]> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const kind of TRAY_ICON_KINDS) {
    const svg = await readFile(join(sourceDir, `${kind}.svg`), 'utf8');
    for (const file of trayIconFiles(kind)) {
      const path = join(outDir, file.fileName);
      await writeFile(path, drawTrayIcon(svg, file));
      written.push(path);
    }
  }
  return written;
}

if (process.argv[1] === import.meta.filename) {
  const written = await drawTrayIcons(process.argv[2]);
  process.stdout.write(`Drew ${String(written.length)} tray icons.\n`);
}
