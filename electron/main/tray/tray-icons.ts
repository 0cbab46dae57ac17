import { join } from 'node:path';
import { AGGREGATE_PRIORITY, AGGREGATE_SEVERITY, type AggregateKind } from '../../../shared/aggregate-state';

/** Every tray icon, one per aggregate state, each its own shape (never colour alone). */
export const TRAY_ICON_KINDS: readonly AggregateKind[] = AGGREGATE_PRIORITY;

/** The colour of each state's icon on Windows and Linux, by severity (macOS draws template images itself). */
export const TRAY_ICON_COLOURS: Readonly<Record<AggregateKind, string>> = Object.fromEntries(
  AGGREGATE_PRIORITY.map((kind) => [
    kind,
    {
      error: '#d93025',
      warning: '#e37400',
      active: '#1a73e8',
      ok: '#188038',
      idle: '#80868b',
    }[AGGREGATE_SEVERITY[kind]],
  ]),
) as Record<AggregateKind, string>;

/** One PNG of a tray icon: its file name, its edge in pixels, and whether it is a macOS template (black + alpha). */
export interface TrayIconFile {
  readonly kind: AggregateKind;
  readonly fileName: string;
  readonly sizePx: number;
  readonly template: boolean;
}

/**
 * The four files of a state's icon: colour at 16 px and 32 px (`@2x`) for Windows and Linux, and the macOS template
 * pair (`…Template.png`, `…Template@2x.png`). Electron picks the `@2x` file beside the one named on HiDPI screens.
 */
export function trayIconFiles(kind: AggregateKind): readonly TrayIconFile[] {
  return [
    { kind, fileName: `${kind}.png`, sizePx: 16, template: false },
    { kind, fileName: `${kind}@2x.png`, sizePx: 32, template: false },
    { kind, fileName: `${kind}Template.png`, sizePx: 16, template: true },
    { kind, fileName: `${kind}Template@2x.png`, sizePx: 32, template: true },
  ];
}

/** The file the tray loads for a state: the template image on macOS, the colour one elsewhere. */
export function trayIconPath(iconDir: string, kind: AggregateKind, platform: NodeJS.Platform): string {
  return join(iconDir, platform === 'darwin' ? `${kind}Template.png` : `${kind}.png`);
}

/**
 * Where the icons are at run time, from the directory of the built main process (`out/main`): electron-vite keeps
 * `resources/` as the main process's public directory and does not copy it, so it ships beside `out/`.
 */
export function trayIconDir(mainDir: string): string {
  return join(mainDir, '..', '..', 'resources', 'tray');
}
