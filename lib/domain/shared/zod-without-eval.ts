import { z } from "zod";

/**
 * zod, set never to compile parsers with `new Function`. Schemas that also run in the browser (forms) import z from
 * here, before defining anything: the Content-Security-Policy allows no eval, and even zod's guarded probe for it
 * would be reported as a violation. Interpreted parsing is as strict, and fast enough for forms.
 */
z.config({ jitless: true });

export { z };
