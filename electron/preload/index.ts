import { contextBridge } from 'electron';

/** The renderer's only window onto the main process; it grows one named function per contract entry. */
contextBridge.exposeInMainWorld('smsbat', { version: 1 });
