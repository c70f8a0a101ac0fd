/** Reading log and witness keys given on the command line: a vkey, or a file holding one or a
 * published key history (`GET …/audit/log-keys`). */
import { existsSync, readFileSync } from "node:fs";
import { parseLogKeys, type LogKey } from "../../core/audit/c2sp-log-keys";
import { parseVerifierKey } from "../../core/audit/c2sp-note";
import { CliError } from "../api-client";

function textOf(arg: string): string {
  return existsSync(arg) ? readFileSync(arg, "utf8").trim() : arg.trim();
}

export function readLogKeys(args: readonly string[]): LogKey[] {
  return args.flatMap((arg) => {
    const text = textOf(arg);
    try {
      if (text.startsWith("{")) return parseLogKeys(JSON.parse(text));
      parseVerifierKey(text);
      return [{ vkey: text, from_size: 0, to_size: null }];
    } catch (e) {
      throw new CliError(`--log-key ${arg}: ${(e as Error).message}`, 2);
    }
  });
}

/** Plain vkeys (a witness's, or the logs a witness trusts), each given inline or as a file. */
export function readVkeys(args: readonly string[], flag = "--witness"): string[] {
  return args.map((arg) => {
    const text = textOf(arg);
    try {
      parseVerifierKey(text);
    } catch (e) {
      throw new CliError(`${flag} ${arg}: ${(e as Error).message}`, 2);
    }
    return text;
  });
}
