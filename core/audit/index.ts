export * from "./sha256";
export * from "./event";
export * from "./merkle";
export * from "./compact-tree";
export * from "./log-writer";
export * from "./checkpoint";
export * from "./export-format";
export * from "./verify-export";
