import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CHANNEL_MIXES,
  DeliveryLearner,
  isSavedDeliveryProfile,
  type ChannelMix,
  type ProfileSummary,
  type SavedDeliveryProfile,
} from '../../core/learning';
import { defaultDataDir } from '../../host/data-dir';
import { PROFILE_FILE_NAME } from '../../host/profile-file-store';
import type { ProfileArgs } from '../args';
import { EXIT } from '../exit-codes';
import type { CliIo } from '../io';

/** Below this many final statuses a channel mix is printed as not learned yet (the policy pools it meanwhile). */
const MIN_MIX_EVENTS = 30;

const MIX_NAMES: Readonly<Record<ChannelMix, string>> = {
  sms: 'SMS',
  'viber-fallback': 'Viber, SMS fallback',
};

function ageLabel(ageS: number): string {
  if (ageS >= 3600) return `${ageS / 3600} h`;
  if (ageS >= 60) return `${ageS / 60} min`;
  return `${ageS} s`;
}

function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

type Read =
  | { readonly kind: 'missing' }
  | { readonly kind: 'ok'; readonly profile: SavedDeliveryProfile }
  | { readonly kind: 'bad'; readonly reason: string };

async function readProfile(path: string): Promise<Read> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'bad', reason: error instanceof Error ? error.message : String(error) };
  }
  try {
    const value: unknown = JSON.parse(text);
    return isSavedDeliveryProfile(value)
      ? { kind: 'ok', profile: value }
      : { kind: 'bad', reason: 'it is not a delivery profile saved by the monitor' };
  } catch {
    return { kind: 'bad', reason: 'it is not valid JSON' };
  }
}

/** `smsbat-monitor profile`: prints the learned delivery profile, or says nothing is learned yet. */
export async function runProfile(args: ProfileArgs, io: CliIo): Promise<number> {
  const path = args.profileFile ?? join(defaultDataDir(io.env), PROFILE_FILE_NAME);
  const read = await readProfile(path);
  if (read.kind === 'bad') {
    io.stderr.write(`smsbat-monitor: cannot read the profile ${path}: ${read.reason}.\n`);
    return EXIT.cannotRun;
  }
  const learner = read.kind === 'ok' ? new DeliveryLearner({ saved: read.profile }) : null;
  const all = learner?.summary() ?? null;
  if (learner === null || all === null || all.events < 1) {
    const why =
      read.kind === 'missing'
        ? `no saved profile at ${path}`
        : `the profile at ${path} holds no final status`;
    if (args.json) {
      io.stdout.write(`${JSON.stringify({ learned: false, path, finals: 0 })}\n`);
    } else {
      io.stdout.write(
        `Nothing learned yet: ${why}. The monitor learns from its own checks and saves the profile when it stops;\n` +
          'until then it checks with its built-in prior (finals get rarer with age).\n',
      );
    }
    return EXIT.ok;
  }
  const mixes = CHANNEL_MIXES.map((mix) => ({ mix, summary: learner.summary(mix) }));
  const savedAt = read.kind === 'ok' ? new Date(read.profile.savedAt).toISOString() : '';
  if (args.json) {
    const shares = (summary: ProfileSummary) =>
      Object.fromEntries(summary.shareFinalBy.map((item) => [String(item.ageS), item.share]));
    io.stdout.write(
      `${JSON.stringify({
        learned: true,
        path,
        savedAt,
        finals: all.events,
        shareFinalBy: shares(all),
        mixes: Object.fromEntries(
          mixes.map(({ mix, summary }) => [
            mix,
            {
              finals: summary.events,
              learned: summary.events >= MIN_MIX_EVENTS,
              shareFinalBy: shares(summary),
            },
          ]),
        ),
      })}\n`,
    );
    return EXIT.ok;
  }
  const header = ['final by', ...all.shareFinalBy.map((item) => ageLabel(item.ageS)), 'finals'];
  const row = (name: string, summary: ProfileSummary, learned: boolean) => [
    name,
    ...summary.shareFinalBy.map((item) => (learned ? percent(item.share) : '-')),
    String(Math.round(summary.events)),
  ];
  const rows = [
    row('all messages', all, true),
    ...mixes.map(({ mix, summary }) => row(MIX_NAMES[mix], summary, summary.events >= MIN_MIX_EVENTS)),
  ];
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((r) => (r[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ');
  io.stdout.write(
    `Delivery profile learned from ${Math.round(all.events)} final statuses (older ones count less), saved ${savedAt}\n` +
      `${path}\n\n` +
      [line(header), ...rows.map(line)].join('\n') +
      `\n\nShare of messages final by each age, of those that reach a final status; "-": fewer than ${MIN_MIX_EVENTS}\n` +
      'finals of that channel mix yet (the monitor uses the profile of all messages for it meanwhile).\n',
  );
  return EXIT.ok;
}
