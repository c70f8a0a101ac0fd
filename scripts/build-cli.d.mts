export const CLI_DIST: string;
export function buildCli(): Promise<void>;
