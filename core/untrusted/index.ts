export {
  analyzeInjection,
  DEFAULT_INJECTION_THRESHOLD,
  explainingFindings,
  scanInjection,
} from "./scan-injection";
export type {
  InjectionFinding,
  InjectionKind,
  InjectionLayer,
  InjectionScan,
  ScanOptions,
} from "./scan-injection";
export { normalizeForScan } from "./normalize";
export { NEUTRALIZED_NOTICE, NEUTRALIZED_TAG, wrapUntrusted } from "./wrap-untrusted";
export type { WrapOptions, WrappedContent } from "./wrap-untrusted";
export {
  advanceAnomalies,
  classifyToolCall,
  DEFAULT_ANOMALY_CONFIG,
  detectAnomalies,
  initialAnomalyState,
} from "./anomaly";
export type {
  AnomalyConfig,
  AnomalyEvent,
  AnomalyKind,
  AnomalyState,
  SessionEvent,
  ToolCallRecord,
} from "./anomaly";
export { askGuard, GUARD_MODELS, guardName, withGuard } from "./guard";
export type { GuardBinding, GuardName, GuardOpinion } from "./guard";
