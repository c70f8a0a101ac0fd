import type { ModelRequest, ModelResult, ProviderConfig } from "../../core/providers/types";
import type { CallModelOptions } from "./call-model";

/** One model call (`callModel` in production); the key goes only into its auth header. */
export interface ModelPort {
  call(
    config: ProviderConfig,
    apiKey: string,
    request: ModelRequest,
    opts: Omit<CallModelOptions, "fetch">,
  ): Promise<ModelResult>;
}
