import { z } from 'zod';

// Imported first by the window's entry, before any schema is built: the window's CSP has no 'unsafe-eval', and
// zod would otherwise probe `new Function` when building its object schemas (Chromium reports a CSP violation)
// only to fall back to the parsers it uses without it.
z.config({ jitless: true });
