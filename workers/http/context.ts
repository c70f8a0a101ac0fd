import type { Config } from "../config";
import type { Env } from "../env";
import type { Principal } from "../auth/principal";

export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    config: Config;
    principal: Principal | undefined;
  };
}
