import { askSecret } from "./ask-secret";
import { httpFetch } from "./http-fetch";
import { memoryGet, memoryPut } from "./memory";
import { sendEmail } from "./send-email";
import type { BuiltinTool } from "./types";

/** The tools a hosted session offers its model. */
export const BUILTIN_TOOLS: ReadonlyMap<string, BuiltinTool> = new Map(
  [httpFetch, memoryGet, memoryPut, askSecret, sendEmail].map((t) => [t.spec.name, t]),
);
