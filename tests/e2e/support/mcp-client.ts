import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { OAuthClientProvider } from "@modelcontextprotocol/sdk/client/auth.js";
import type {
  OAuthClientInformationMixed,
  OAuthClientMetadata,
  OAuthTokens,
} from "@modelcontextprotocol/sdk/shared/auth.js";

/**
 * What a desktop MCP client does for OAuth: a loopback redirect URI it listens on, and the
 * SDK's `OAuthClientProvider` kept in memory. `redirectToAuthorization` records the URL the SDK
 * built; the test opens it in Chromium, where the person signs in and answers the consent.
 */
export class LoopbackOAuthClient implements OAuthClientProvider {
  authorizationUrl: URL | null = null;
  private info: OAuthClientInformationMixed | undefined;
  private saved: OAuthTokens | undefined;
  private verifier = "";
  private waiting: ((params: URLSearchParams) => void) | null = null;

  private constructor(
    readonly redirectUrl: string,
    private readonly clientName: string,
    private readonly closeServer: () => Promise<void>,
  ) {}

  static async start(clientName: string): Promise<LoopbackOAuthClient> {
    let self: LoopbackOAuthClient | null = null;
    const http = createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      if (url.pathname !== "/callback") {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<!doctype html><title>Connected</title><h1>You can close this tab.</h1>");
      self?.waiting?.(url.searchParams);
    });
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    const { port } = http.address() as AddressInfo;
    self = new LoopbackOAuthClient(
      `http://127.0.0.1:${port}/callback`,
      clientName,
      () =>
        new Promise((resolve) => {
          http.close(() => resolve());
          http.closeAllConnections();
        }),
    );
    return self;
  }

  /** The query of the next request to the redirect URI (the code, or the error). */
  nextCallback(timeoutMs = 20_000): Promise<URLSearchParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no OAuth callback")), timeoutMs);
      this.waiting = (params) => {
        clearTimeout(timer);
        this.waiting = null;
        resolve(params);
      };
    });
  }

  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: this.clientName,
      redirect_uris: [this.redirectUrl],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
    };
  }

  clientInformation() {
    return this.info;
  }
  saveClientInformation(info: OAuthClientInformationMixed) {
    this.info = info;
  }
  tokens() {
    return this.saved;
  }
  saveTokens(tokens: OAuthTokens) {
    this.saved = tokens;
  }
  redirectToAuthorization(url: URL) {
    this.authorizationUrl = url;
  }
  saveCodeVerifier(verifier: string) {
    this.verifier = verifier;
  }
  codeVerifier() {
    return this.verifier;
  }

  close() {
    return this.closeServer();
  }
}
