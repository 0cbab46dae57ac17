import type { HostEngineFactory } from './engine-port';
import { createRestartableHostEngine } from './restartable-engine';

/** The engine both hosts serve. */
export const createHostEngine: HostEngineFactory = createRestartableHostEngine;
