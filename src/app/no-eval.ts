// Imported FIRST by every entry point of the browser app (main.tsx and the workers), before any schema is built:
// zod compiles object parsers with `new Function` unless told not to, and even its probe for that is reported as a
// violation under the app's Content-Security-Policy (no 'unsafe-eval', see content-security-policy.ts). zod then
// parses with its interpreter (the scenario is validated once per run). Imports zod only.
import { z } from 'zod';

z.config({ jitless: true });
