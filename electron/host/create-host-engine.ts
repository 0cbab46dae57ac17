import type { HostEngineFactory } from './engine-port';
import { createLegacyHostEngine } from './legacy-engine';

/** The engine both hosts serve. */
export const createHostEngine: HostEngineFactory = createLegacyHostEngine;
