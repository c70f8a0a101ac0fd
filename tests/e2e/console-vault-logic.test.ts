// The vault screen's destination helpers, run in Node: what the console accepts as a header
// destination before it asks the server, and how it spells and lists one.
import { describe, expect, it } from "vitest";
import { describeDestination, hasDestination, headerDestination } from "../../web/src/destinations";

const header = (origin: string, name = "authorization") => ({
  origin,
  via: { kind: "header" as const, name },
});

describe("headerDestination", () => {
  it("accepts an https origin and spells it canonically", () => {
    expect(headerDestination("https://api.example.com", "authorization")).toEqual(
      header("https://api.example.com"),
    );
    expect(headerDestination("  HTTPS://API.Example.COM:443 ", "X-Api-Key")).toEqual(
      header("https://api.example.com", "x-api-key"),
    );
    expect(headerDestination("https://api.example.com:8443", "authorization")).toEqual(
      header("https://api.example.com:8443"),
    );
    expect(headerDestination("https://*.example.com", "authorization")).toEqual(
      header("https://*.example.com"),
    );
  });

  it("asks for what is missing", () => {
    expect(headerDestination("", "authorization")).toBe(
      "Enter the origin the secret may be sent to.",
    );
    expect(headerDestination("   ", "authorization")).toBe(
      "Enter the origin the secret may be sent to.",
    );
    expect(headerDestination("https://api.example.com", " ")).toBe(
      "Name the header that carries the secret.",
    );
  });

  it("refuses what is not scheme://host[:port]", () => {
    const shape = "An origin is scheme://host[:port], with no path, query or credentials.";
    expect(headerDestination("api.example.com", "authorization")).toBe(shape);
    expect(headerDestination("https://api.example.com/v1", "authorization")).toBe(shape);
    expect(headerDestination("https://api.example.com?x=1", "authorization")).toBe(shape);
    expect(headerDestination("https://me@api.example.com", "authorization")).toBe(shape);
    expect(headerDestination("ftp://api.example.com", "authorization")).toBe(shape);
    expect(headerDestination("https://api.example.com:99999", "authorization")).toBe(
      "The port must be 1–65535.",
    );
    expect(headerDestination("https://*.com", "authorization")).toBe(
      "A wildcard needs at least two labels after it (*.example.com, not *.com).",
    );
    expect(headerDestination("https://api*.example.com", "authorization")).toBe(
      "The host must be a DNS name (use *.example.com for subdomains).",
    );
  });

  it("sends headers over https only, to public hosts, never as cookie or host", () => {
    expect(headerDestination("http://api.example.com", "authorization")).toBe(
      "Secrets travel in headers over https only.",
    );
    expect(headerDestination("https://127.0.0.1", "authorization")).toMatch(
      /^Not a public destination: /,
    );
    expect(headerDestination("https://localhost", "authorization")).toMatch(
      /^Not a public destination: /,
    );
    expect(headerDestination("https://api.example.com", "cookie")).toBe(
      "The cookie header cannot carry a secret.",
    );
    expect(headerDestination("https://api.example.com", "x api key")).toBe(
      "Not a valid header name.",
    );
  });
});

describe("listing destinations", () => {
  it("says where and how", () => {
    expect(describeDestination(header("https://api.example.com"))).toBe(
      "https://api.example.com (authorization header)",
    );
    expect(
      describeDestination({
        origin: "https://api.openai.com",
        via: { kind: "provider", id: "openai" },
      }),
    ).toBe("https://api.openai.com (key of provider openai)");
  });

  it("spots a destination already in the list", () => {
    const list = [header("https://api.example.com")];
    expect(hasDestination(list, header("https://api.example.com"))).toBe(true);
    expect(hasDestination(list, header("https://api.example.com", "x-api-key"))).toBe(false);
    expect(hasDestination(list, header("https://other.example.com"))).toBe(false);
    expect(
      hasDestination(list, {
        origin: "https://api.example.com",
        via: { kind: "provider", id: "authorization" },
      }),
    ).toBe(false);
  });
});
